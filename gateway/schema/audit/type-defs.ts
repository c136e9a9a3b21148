/** Audit (纪检监察): history search across streams, Merkle proofs and signed tree heads. */
export const auditTypeDefs = /* GraphQL */ `
  extend type Query {
    "Audit path from the event at position to the root of the tree of treeSize leaves (RFC 6962)."
    inclusionProof(position: Int!, treeSize: Int!): InclusionProof!
    "Proof that the tree of toSize leaves extends the tree of fromSize leaves (RFC 6962)."
    consistencyProof(fromSize: Int!, toSize: Int!): ConsistencyProof!
    "The signed head of exactly this tree size."
    treeHead(size: Int!): TreeHead!
    "The most recent signed head, null before the first."
    latestTreeHead: TreeHead
    "The Ed25519 key tree heads are signed with."
    auditPublicKey: AuditPublicKey!
    "Whether the server found its stored log altered (then it signs no head), and who witnessed its latest head."
    auditStatus: AuditStatus!
    "Signed heads, newest first, each with the witnesses that cosigned it: first of those below the tree size before."
    treeHeads(first: Int = 20, before: Int): [WitnessedHead!]!
    "Events of every stream, filtered, in global order. The office sees its own actions only."
    auditHistory(filter: AuditHistoryFilter, first: Int = 50, after: String): AuditHistoryConnection!
  }

  extend type Mutation {
    "Signs a head over every event stored now and records it in the audit stream."
    signTreeHead: TreeHead!
  }

  "Hashes are lowercase hex; leaf i is the event at global position i + 1."
  type InclusionProof {
    leafIndex: Int!
    treeSize: Int!
    leafHash: String!
    proof: [String!]!
    rootHash: String!
  }

  type ConsistencyProof {
    fromSize: Int!
    toSize: Int!
    fromRootHash: String!
    toRootHash: String!
    proof: [String!]!
  }

  """
  A signed tree head. The signature (Ed25519, base64) covers the UTF-8 bytes of the
  RFC 8785 canonical JSON of { keyId, legacyUpTo, rootHash, signedAt, treeSize }
  (legacyUpTo left out when null).
  """
  type TreeHead {
    treeSize: Int!
    rootHash: String!
    signedAt: DateTime!
    keyId: String!
    "The raw 32-byte public key, base64."
    publicKey: String!
    "Events 1 to legacyUpTo were written before writes were authenticated (no write MAC); every later one carries one. Signed with the head (in its canonical JSON when not null); null on heads signed before."
    legacyUpTo: Int
    "Ed25519 over canonical JSON of keyId, legacyUpTo (when not null), rootHash, signedAt and treeSize, base64."
    signature: String!
    "Global position of the event recording this head (itself covered by a later head)."
    position: Int!
  }

  type AuditStatus {
    "Set when the server found the stored log altered: it signs no head until the log is restored."
    signingStopped: AuditAlarm
    "Events the audit has indexed."
    indexedSize: Int!
    latestHead: WitnessedHead
  }

  type AuditAlarm {
    "The first position found altered."
    position: Int!
    what: String!
  }

  type WitnessedHead {
    treeSize: Int!
    signedAt: DateTime!
    rootHash: String!
    "The key that signed it."
    keyId: String!
    "The witnesses that cosigned it, with when."
    witnesses: [HeadWitness!]!
    "Cosigned by as many configured witnesses as AUDIT_WITNESS_QUORUM asks."
    witnessed: Boolean!
  }

  type HeadWitness {
    witness: String!
    "Seconds since the epoch, as the cosignature says."
    timestamp: Float!
  }

  "A key the audit signed heads with, and when it was the log's key (a rotation by the key before it starts it; the next rotation ends it)."
  type AuditSigningKey {
    keyId: String!
    "The raw 32-byte public key, base64."
    publicKey: String!
    validFrom: DateTime!
    "The global position of its first head, or of the rotation to it."
    validFromPosition: Int!
    "Null while it is the log's key."
    validUntil: DateTime
    "The global position of the rotation that handed the log on from it."
    validUntilPosition: Int
  }

  type AuditPublicKey {
    "First 16 hex characters of SHA-256 of the raw public key."
    keyId: String!
    algorithm: String!
    "The raw 32-byte public key, base64."
    publicKey: String!
    "The public key as PEM (SPKI)."
    pem: String!
    "Every key the log's heads were signed with, in order, each with when it was the log's key: old keys stay published."
    keys: [AuditSigningKey!]!
  }

  "Every filter given narrows the result; ranges include both ends."
  input AuditHistoryFilter {
    actorId: ID
    "The unit the actor acted for."
    unitId: ID
    "Any of these event types."
    types: [String!]
    streamId: String
    recordedFrom: DateTime
    recordedTo: DateTime
    "Business date: what the event speaks of, else the day (UTC+8) it was recorded."
    businessFrom: Date
    businessTo: Date
  }

  type AuditHistoryEvent {
    position: Int!
    streamId: String!
    revision: Int!
    id: ID!
    type: String!
    version: Int!
    recordedAt: DateTime!
    businessDate: Date!
    actor: Actor!
    correlationId: String
    causationId: String
    data: JSON
    "RFC 6962 leaf hash of the event's canonical bytes, hex."
    leafHash: String!
  }

  type AuditHistoryEdge {
    cursor: String!
    node: AuditHistoryEvent!
  }

  type AuditHistoryConnection {
    "Matches in the snapshot the first page was taken from; the same on every page."
    totalCount: Int!
    edges: [AuditHistoryEdge!]!
    pageInfo: PageInfo!
  }
`;
