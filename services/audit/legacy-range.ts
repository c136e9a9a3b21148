import type { EventStore } from '../../infra/event-store/port.ts';

/**
 * Where the events at the start of the log written before writes were
 * authenticated end, as a leaf number: the number of events before the first
 * (among the first `treeSize`) that carries a write MAC, `treeSize` when none
 * does. Events are counted as read, never from their positions, which may have
 * gaps. Read once, when the first head to say it is signed; from then on the
 * heads say it, signed.
 */
export const legacyEnd = async (store: EventStore, treeSize: number): Promise<number> => {
  let counted = 0;
  for (let after = 0; counted < treeSize; ) {
    const page = await store.readAll({ after, limit: Math.min(2000, treeSize - counted) });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.metadata.writer !== undefined) return counted;
      counted += 1;
    }
    after = page.at(-1)!.position;
  }
  return treeSize;
};
