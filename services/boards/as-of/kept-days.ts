import { CheckpointMovedError, type ReadModelStore } from '../../../infra/read-model-store/port.ts';

/**
 * The checkpoint that says `collection`'s document of `day` was kept, and from
 * how much of the log; of one `edition` of its shape, when it has them (a
 * document of a new shape is kept over one of an older).
 */
const checkpointOf = (collection: string, day: string, edition: string) =>
  edition === '' ? `${collection}/${day}` : `${collection}/${day}@${edition}`;

/**
 * Keeps `doc` as `collection`'s document of the past `day`, once: written with
 * a checkpoint of its own (from 0 to the log position it reflects), so two
 * nodes computing the same day write it once. A day before any event reflects
 * position 0: nothing says what it was computed from, it is not kept.
 */
export const keepDayDocument = async (
  readModels: ReadModelStore,
  collection: string,
  day: string,
  doc: Record<string, unknown>,
  position: number,
  edition = '',
): Promise<void> => {
  if (position === 0) return;
  const change = { collection, id: day, doc: { ...doc, id: day } };
  await readModels
    .commit(checkpointOf(collection, day, edition), [change], { from: 0, to: position })
    // Another node kept the same day first: the same document, already kept.
    .catch((error: unknown) => {
      if (!(error instanceof CheckpointMovedError)) throw error;
    });
};

/** Whether `collection` keeps a document of `day` (of `edition`). */
export const isDayKept = async (
  readModels: ReadModelStore,
  collection: string,
  day: string,
  edition = '',
): Promise<boolean> => (await readModels.getCheckpoint(checkpointOf(collection, day, edition))) > 0;
