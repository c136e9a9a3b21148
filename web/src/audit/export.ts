import { type HistoryFilter, historyPage, inclusionProofs } from './api.ts';
import { type BundleFilters, bundleText, type ProvenEvent } from './bundle.ts';
import { coveredBy } from './covered.ts';
import { matchingStoredEvent } from './stored-event.ts';
import type { AuditEvent, AuditKey, TreeHead } from './types.ts';

/** A browser export stays modest: the CLI (`npm run audit:export`) makes the large ones. */
export const exportLimit = 2000;

const allMatching = async (filter: HistoryFilter): Promise<AuditEvent[]> => {
  const events: AuditEvent[] = [];
  let after: string | null = null;
  do {
    const page = await historyPage(filter, 200, after);
    events.push(...page.events);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && events.length < exportLimit);
  return events.slice(0, exportLimit);
};

const bundleFilters = (filter: HistoryFilter): BundleFilters => ({
  ...(filter.streamId ? { stream: filter.streamId } : {}),
  ...(filter.types?.length ? { type: filter.types.join(',') } : {}),
  ...(filter.actorId ? { actor: filter.actorId } : {}),
  ...(filter.unitId ? { unit: filter.unitId } : {}),
});

export interface Exported {
  text: string;
  count: number;
  /** Selected events after the head: not provable until a later head covers them. */
  leftOut: number;
}

/**
 * Assembles an offline bundle of the events the filter selects that the latest
 * signed head covers, each with its inclusion proof to that head.
 */
export const exportBundle = async (
  filter: HistoryFilter,
  head: TreeHead,
  key: AuditKey,
  exportedAt: string,
): Promise<Exported> => {
  const selected = (await allMatching(filter)).sort((a, b) => a.position - b.position);
  const covered = selected.filter((event) => coveredBy(event, head));
  const proofs = await inclusionProofs(
    covered.map((event) => event.position),
    head.treeSize,
  );
  const proven: ProvenEvent[] = [];
  for (const [i, event] of covered.entries()) {
    const stored = await matchingStoredEvent(event);
    if (!stored) continue;
    const { leafIndex, proof } = proofs[i]!;
    proven.push({ stored, leafIndex, leafHash: event.leafHash, inclusionProof: proof });
  }
  return {
    text: bundleText(proven, head, key, bundleFilters(filter), exportedAt),
    count: proven.length,
    leftOut: selected.length - proven.length,
  };
};
