import type { ReadModelStore } from '../../infra/read-model-store/port.ts';

const collections = ['tasks', 'task_list', 'units'] as const;

/** Every document of the projected collections, in id order: what two stores must agree on. */
export const allDocuments = async (readModels: ReadModelStore) => {
  const docs: Record<string, unknown[]> = {};
  for (const collection of collections) {
    docs[collection] = (await readModels.find(collection, { limit: 100_000 })).items;
  }
  return docs;
};
