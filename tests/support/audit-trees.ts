import type { DatabaseSync } from 'node:sqlite';
import { openAuditDatabase } from '../../services/audit/schema.ts';
import type { TreeStore } from '../../services/audit/tree-store.ts';
import { createTreeStore } from '../../services/audit/tree-store.ts';

/** Opens audit tree stores for a test file, each closed after its test. */
export const auditTrees = () => {
  let opened: TreeStore[] = [];
  afterEach(() => {
    for (const store of opened) store.close();
    opened = [];
  });
  return (path: string): { db: DatabaseSync; tree: TreeStore } => {
    const db = openAuditDatabase(path);
    const tree = createTreeStore(db);
    opened.push(tree);
    return { db, tree };
  };
};
