import type { Actor } from '../../contracts/actor.ts';
import { auditSearchInput } from '../../contracts/catalogue/audit.ts';
import { scopeOf } from '../../contracts/permissions.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { parseInput } from '../shared/validate.ts';
import type { AuditRuntime } from './audit-runtime.ts';
import { type IndexedLeaf, readPositions, toAuditHistoryEvent } from './history-events.ts';
import { normaliseTimestamp } from './history-index.ts';
import type { HistoryFilter } from './history-query.ts';
import { asksForReadRecords, readRecordType } from './read-records.ts';
import { decodeHistoryCursor, encodeHistoryCursor } from './search-cursor.ts';

/**
 * The office searches only what it did itself (scope `own_actions`), whatever it
 * asks. Records of reads stay out of a search that does not ask for them.
 */
const scopedFilter = (filter: HistoryFilter, actor: Actor): HistoryFilter => ({
  ...filter,
  ...(scopeOf('auditSearch', actor.role) === 'own_actions' ? { actorId: actor.id } : {}),
  ...(asksForReadRecords(filter) ? {} : { hiddenTypes: [readRecordType] }),
  ...(filter.recordedFrom ? { recordedFrom: normaliseTimestamp(filter.recordedFrom) } : {}),
  ...(filter.recordedTo ? { recordedTo: normaliseTimestamp(filter.recordedTo) } : {}),
});

/** The leaf of the event at `position` and its hash, null when it is not indexed. */
const indexedLeafOf = (audit: AuditRuntime, position: number): IndexedLeaf | null => {
  const leaf = audit.tree.leafOf(position);
  const hash = leaf === null ? null : audit.tree.leafHash(leaf);
  return leaf === null || hash === null ? null : { leaf, hash };
};

/**
 * One page of the history search for `actor`: the events in global order, each
 * with its leaf index and hash, the snapshot's total and a cursor per edge.
 */
export const searchHistory = async (
  audit: AuditRuntime,
  eventStore: EventStore,
  params: unknown,
  actor: Actor,
) => {
  const { first, after, ...filter } = parseInput(auditSearchInput, params);
  // A first page sees every event stored before it was asked for.
  if (!after) await audit.indexer.catchUp();
  const page = audit.search.search(scopedFilter(filter, actor), {
    first,
    after: after ? decodeHistoryCursor(after) : null,
    indexedUpTo: audit.tree.position,
  });
  const events = await readPositions(eventStore, page.positions, (position) =>
    audit.tree.leafOf(position),
  );
  const edges = events.map((event) => ({
    cursor: encodeHistoryCursor({ asOf: page.asOf, position: event.position }),
    node: toAuditHistoryEvent(event, indexedLeafOf(audit, event.position)),
  }));
  return {
    totalCount: page.totalCount,
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};
