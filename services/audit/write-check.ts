import { type WriteKey, writerProblem } from '../../domain/transparency/written-event.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { TreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';

/**
 * Checks that each event the audit indexes was written by the system: its MAC
 * verifies under the write key. Events written before writes were authenticated
 * pass: those up to `legacyUpTo`, as the signed heads say it; while no head says
 * it yet, those before the log's first authenticated event (`signedSoFar`:
 * whether the log held one before the first event checked). Any other event
 * without a MAC is a row someone put into the store by hand.
 */
export const createWriteCheck = (
  keys: ReadonlyMap<string, WriteKey>,
  signedSoFar: boolean,
  legacyUpTo: number | null = null,
) => {
  let signed = signedSoFar;
  return (event: StoredEvent): AuditDivergence | null => {
    const problem = writerProblem(event, keys);
    if (problem === 'unsigned') {
      const legacy = legacyUpTo === null ? !signed : event.position <= legacyUpTo;
      return !legacy
        ? {
            position: event.position,
            what: `${event.type} in ${event.streamId} carries no write MAC: the system did not write it`,
          }
        : null;
    }
    signed = true;
    return problem === null
      ? null
      : { position: event.position, what: `${event.type} in ${event.streamId}: ${problem}` };
  };
};

export type WriteCheck = ReturnType<typeof createWriteCheck>;

/** The first of `events` the system did not write, or null. */
export const firstForged = (
  check: WriteCheck,
  events: readonly StoredEvent[],
): AuditDivergence | null => {
  for (const event of events) {
    const found = check(event);
    if (found) return found;
  }
  return null;
};

/** Whether the event at `position` carries a write MAC (false before position 1). */
export const signedAt = async (store: EventStore, position: number): Promise<boolean> => {
  if (position <= 0) return false;
  const [event] = await store.readAll({ after: position - 1, limit: 1 });
  return event?.metadata.writer !== undefined;
};

/**
 * The first event written behind the system's back among those indexed after
 * the last signed head (`from`, exclusive) up to `to`: what a restart must
 * check again, since no head vouches for them yet.
 */
const firstForgedBetween = async (
  store: EventStore,
  check: WriteCheck,
  from: number,
  to: number,
): Promise<AuditDivergence | null> => {
  for (let after = from; after < to; ) {
    const page = await store.readAll({ after, limit: Math.min(500, to - after) });
    if (page.length === 0) return null;
    const found = firstForged(check, page);
    if (found) return found;
    after = page.at(-1)?.position ?? to;
  }
  return null;
};

/**
 * The write check as the audit resumes it at start: from the last signed head
 * (every event under it was checked before it was signed), the events indexed
 * since checked again, as no head vouches for them yet.
 */
export const resumeWriteCheck = async (
  store: EventStore,
  audit: { heads: TreeHeadIndex; tree: { size: number } },
  keys: ReadonlyMap<string, WriteKey>,
): Promise<{ check: WriteCheck; forged: AuditDivergence | null }> => {
  await audit.heads.refresh();
  const headSize = audit.heads.latest()?.head.treeSize ?? 0;
  const legacyUpTo = audit.heads.legacyUpTo();
  const check = createWriteCheck(
    keys,
    legacyUpTo !== null || (await signedAt(store, headSize)),
    legacyUpTo,
  );
  return { check, forged: await firstForgedBetween(store, check, headSize, audit.tree.size) };
};
