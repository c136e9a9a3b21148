import { gql } from '../core/api.ts';
import type { AuditEvent, AuditKey, InclusionProof, TreeHead } from './types.ts';

export interface HistoryFilter {
  actorId?: string;
  unitId?: string;
  types?: string[];
  streamId?: string;
  businessFrom?: string;
  businessTo?: string;
}

export interface HistoryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  events: AuditEvent[];
}

const eventFields = `position streamId revision id type version recordedAt businessDate
  actor { id role unitId name } correlationId causationId idempotencyKey metadata data leafHash`;

const headFields = 'treeSize rootHash signedAt keyId publicKey legacyUpTo signature position';
const proofFields = 'leafIndex treeSize leafHash proof rootHash';

/** One page of the audit history across every stream. */
export const historyPage = async (
  filter: HistoryFilter,
  first: number,
  after: string | null,
): Promise<HistoryPage> => {
  const { auditHistory } = await gql<{
    auditHistory: Omit<HistoryPage, 'events'> & { edges: { node: AuditEvent }[] };
  }>(
    `query ($filter: AuditHistoryFilter, $first: Int, $after: String) {
      auditHistory(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${eventFields} } } } }`,
    { filter, first, after },
  );
  return { ...auditHistory, events: auditHistory.edges.map((edge) => edge.node) };
};

/** The latest signed head and the published key, fetched together. */
export const headAndKey = async (): Promise<{ head: TreeHead | null; key: AuditKey }> => {
  const data = await gql<{ latestTreeHead: TreeHead | null; auditPublicKey: AuditKey }>(
    `{ latestTreeHead { ${headFields} } auditPublicKey { keyId algorithm publicKey } }`,
  );
  return { head: data.latestTreeHead, key: data.auditPublicKey };
};

/** Who witnessed the head of `treeSize` (when it is still the latest), and whether that makes it witnessed. */
export const witnessesOf = async (
  treeSize: number,
): Promise<{ witnessed: boolean; witnesses: string[] } | null> => {
  const { auditStatus } = await gql<{
    auditStatus: {
      latestHead: { treeSize: number; witnessed: boolean; witnesses: { witness: string }[] } | null;
    };
  }>('{ auditStatus { latestHead { treeSize witnessed witnesses { witness } } } }');
  const latest = auditStatus.latestHead;
  if (!latest || latest.treeSize !== treeSize) return null;
  return { witnessed: latest.witnessed, witnesses: latest.witnesses.map((w) => w.witness) };
};

/** A signed head with the witnesses that cosigned it. */
export interface WitnessedHead {
  treeSize: number;
  signedAt: string;
  keyId: string;
  witnessed: boolean;
  witnesses: { witness: string; timestamp: number }[];
}

/** The latest signed heads, newest first, with their witnesses. */
export const recentHeads = async (first: number): Promise<WitnessedHead[]> =>
  (
    await gql<{ treeHeads: WitnessedHead[] }>(
      'query ($first: Int) { treeHeads(first: $first) { treeSize signedAt keyId witnessed witnesses { witness timestamp } } }',
      { first },
    )
  ).treeHeads;

export const signHead = async (): Promise<TreeHead> =>
  (await gql<{ signTreeHead: TreeHead }>(`mutation { signTreeHead { ${headFields} } }`))
    .signTreeHead;

/** Proofs are asked 25 to a request: few round trips, under the gateway's alias limit (30). */
const proofBatch = 25;

/** Inclusion proofs of the positions in the tree of `treeSize` leaves, in the same order. */
export const inclusionProofs = async (
  positions: readonly number[],
  treeSize: number,
): Promise<InclusionProof[]> => {
  const proofs: InclusionProof[] = [];
  for (let start = 0; start < positions.length; start += proofBatch) {
    const batch = positions.slice(start, start + proofBatch);
    const fields = batch
      .map(
        (position, i) =>
          `p${i}: inclusionProof(position: ${position}, treeSize: ${treeSize}) { ${proofFields} }`,
      )
      .join(' ');
    const data = await gql<Record<string, InclusionProof>>(`{ ${fields} }`);
    batch.forEach((_, i) => {
      proofs.push(data[`p${i}`]!);
    });
  }
  return proofs;
};
