/** The inspector's reads: the history across streams, signed heads, witnesses and proofs. */

const eventFields = `position streamId revision id type version recordedAt businessDate
  actor { id role unitId name } correlationId causationId idempotencyKey metadata data leafHash leafIndex`;

const headFields = 'treeSize rootHash signedAt keyId publicKey legacyUpTo signature position';

export const auditHistoryQuery = /* GraphQL */ `query AuditHistory($filter: AuditHistoryFilter, $first: Int, $after: String) {
  auditHistory(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${eventFields} } } } }`;

export const headAndKeyQuery = /* GraphQL */ `query HeadAndKey { latestTreeHead { ${headFields} } auditPublicKey { keyId algorithm publicKey } }`;

export const latestWitnessesQuery =
  /* GraphQL */ 'query LatestWitnesses { auditStatus { latestHead { treeSize witnessed witnesses { witness } } } }';

export const auditAlarmQuery =
  /* GraphQL */ 'query AuditAlarm { auditStatus { signingStopped { position what } } }';

export const recentHeadsQuery =
  /* GraphQL */ 'query RecentHeads($first: Int) { treeHeads(first: $first) { nodes { treeSize signedAt keyId witnessed witnesses { witness timestamp } } } }';

export const signHeadMutation = /* GraphQL */ `mutation SignTreeHead { signTreeHead { ${headFields} } }`;

/** Proofs are asked this many to a request: few round trips, under the gateway's alias limit (30). */
export const proofBatch = 25;

const proofFields = 'leafIndex treeSize leafHash proof rootHash';

/**
 * `proofBatch` inclusion proofs in one request, `p0`…: a fixed document, so it
 * can be persisted; a shorter batch repeats its last position.
 */
export const inclusionProofsQuery = /* GraphQL */ `query InclusionProofs($treeSize: Int!, ${Array.from(
  { length: proofBatch },
  (_, i) => `$p${i}: Int!`,
).join(', ')}) { ${Array.from(
  { length: proofBatch },
  (_, i) => `p${i}: inclusionProof(position: $p${i}, treeSize: $treeSize) { ${proofFields} }`,
).join(' ')} }`;

/** Task titles are asked this many to a request, for the streams a history page shows. */
export const titleBatch = 20;

/**
 * The titles of `titleBatch` tasks, `t0`…: a fixed document, so it can be
 * persisted; a shorter batch repeats its last id.
 */
export const taskTitlesQuery = /* GraphQL */ `query TaskTitles(${Array.from(
  { length: titleBatch },
  (_, i) => `$t${i}: ID!`,
).join(
  ', ',
)}) { ${Array.from({ length: titleBatch }, (_, i) => `t${i}: task(id: $t${i}) { id title }`).join(' ')} }`;
