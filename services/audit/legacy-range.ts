import type { EventStore } from '../../infra/event-store/port.ts';

/**
 * Where the events at the start of the log written before writes were
 * authenticated end: the position before the first event (up to `treeSize`)
 * that carries a write MAC, `treeSize` when none does. Read once, when the first
 * head to say it is signed; from then on the heads say it, signed.
 */
export const legacyEnd = async (store: EventStore, treeSize: number): Promise<number> => {
  for (let after = 0; after < treeSize; ) {
    const page = await store.readAll({ after, limit: Math.min(2000, treeSize - after) });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > treeSize) return treeSize;
      if (event.metadata.writer !== undefined) return event.position - 1;
    }
    after = page.at(-1)?.position ?? treeSize;
  }
  return treeSize;
};
