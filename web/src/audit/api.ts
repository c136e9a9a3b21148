import { gql } from '../core/api.ts';
import {
  auditHistoryQuery,
  headAndKeyQuery,
  inclusionProofsQuery,
  latestWitnessesQuery,
  proofBatch,
  recentHeadsQuery,
  signHeadMutation,
  taskTitlesQuery,
  titleBatch,
} from '../operations/audit.ts';
import type { AuditEvent, AuditKey, InclusionProof, TreeHead } from './types.ts';

export interface HistoryFilter {
  actorId?: string;
  unitId?: string;
  types?: string[];
  streamId?: string;
  /** RFC 3339 instants: the page takes days and sends their bounds in China Standard Time. */
  recordedFrom?: string;
  recordedTo?: string;
  businessFrom?: string;
  businessTo?: string;
}

export interface HistoryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  events: AuditEvent[];
}

/** One page of the audit history across every stream. */
export const historyPage = async (
  filter: HistoryFilter,
  first: number,
  after: string | null,
): Promise<HistoryPage> => {
  const { auditHistory } = await gql<{
    auditHistory: Omit<HistoryPage, 'events'> & { edges: { node: AuditEvent }[] };
  }>(auditHistoryQuery, { filter, first, after });
  return { ...auditHistory, events: auditHistory.edges.map((edge) => edge.node) };
};

/** The latest signed head and the published key, fetched together. */
export const headAndKey = async (): Promise<{ head: TreeHead | null; key: AuditKey }> => {
  const data = await gql<{ latestTreeHead: TreeHead | null; auditPublicKey: AuditKey }>(
    headAndKeyQuery,
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
  }>(latestWitnessesQuery);
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
  (await gql<{ treeHeads: { nodes: WitnessedHead[] } }>(recentHeadsQuery, { first })).treeHeads
    .nodes;

export const signHead = async (): Promise<TreeHead> =>
  (await gql<{ signTreeHead: TreeHead }>(signHeadMutation)).signTreeHead;

/** Inclusion proofs of the positions in the tree of `treeSize` leaves, in the same order. */
export const inclusionProofs = async (
  positions: readonly number[],
  treeSize: number,
): Promise<InclusionProof[]> => {
  const proofs: InclusionProof[] = [];
  for (let start = 0; start < positions.length; start += proofBatch) {
    const batch = positions.slice(start, start + proofBatch);
    const variables: Record<string, number> = { treeSize };
    for (let i = 0; i < proofBatch; i++) variables[`p${i}`] = batch[i] ?? (batch.at(-1) as number);
    const data = await gql<Record<string, InclusionProof>>(inclusionProofsQuery, variables);
    batch.forEach((_, i) => {
      proofs.push(data[`p${i}`]!);
    });
  }
  return proofs;
};

/** The titles of the tasks named, by id; a task gone or unreadable is left out. */
export const taskTitles = async (ids: readonly string[]): Promise<Map<string, string>> => {
  const titles = new Map<string, string>();
  for (let start = 0; start < ids.length; start += titleBatch) {
    const batch = ids.slice(start, start + titleBatch);
    const variables: Record<string, string> = {};
    for (let i = 0; i < titleBatch; i++) variables[`t${i}`] = batch[i] ?? (batch.at(-1) as string);
    const data = await gql<Record<string, { id: string; title: string } | null>>(
      taskTitlesQuery,
      variables,
    );
    for (const task of Object.values(data)) if (task) titles.set(task.id, task.title);
  }
  return titles;
};
