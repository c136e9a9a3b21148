/** Audit (纪检监察): history search across streams, Merkle proofs and signed tree heads. */
export const auditTypeDefs = /* GraphQL */ `
  extend type Query {
    """
    Audit path from the event at position to the root of the tree of treeSize leaves
    (RFC 6962). Roles: LEADER, INSPECTOR.
    """
    inclusionProof(
      "The global position of an event among the first treeSize events of the log."
      position: Int!
      """
      The tree size to prove against (a signed head's, to check it), 1 to the size the log has
      reached.
      """
      treeSize: Int!
    ): InclusionProof!
    """
    Proof that the tree of toSize leaves extends the tree of fromSize leaves (RFC 6962):
    nothing in the first fromSize events of the log changed. Roles: LEADER, INSPECTOR.
    """
    consistencyProof(
      "The smaller tree size, 1 to toSize."
      fromSize: Int!
      "The larger tree size, up to the size the log has reached."
      toSize: Int!
    ): ConsistencyProof!
    """
    The signed head of exactly this tree size; NOT_FOUND when none was signed. Roles: LEADER,
    INSPECTOR.
    """
    treeHead(
      "The tree size the head was signed over."
      size: Int!
    ): TreeHead!
    "The most recent signed head, null before the first. Roles: LEADER, INSPECTOR."
    latestTreeHead: TreeHead
    "The Ed25519 key tree heads are signed with. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR."
    auditPublicKey: AuditPublicKey!
    """
    Whether the server found its stored log altered (then it signs no head), and who
    witnessed its latest head. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    auditStatus: AuditStatus!
    """
    Signed heads, newest first, each with the witnesses that cosigned it, a page at a
    time. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    treeHeads(
      "How many heads, 1–100."
      first: Int = 20
      "The endCursor of the page before: the heads older than its last; absent: from the newest."
      after: String
    ): WitnessedHeadConnection!
    """
    Events of every stream, filtered, in global order. Records of reads (type
    \`AuditHistoryRead\`) are left out unless the filter asks for them by type or by an
    \`audit-reads-…\` stream. Roles: LEADER, INSPECTOR; OFFICE, which sees its own actions
    only. Each search by a LEADER or an INSPECTOR is itself recorded.
    """
    auditHistory(
      "Which events; absent: all."
      filter: AuditHistoryFilter
      "How many events per page, 1–200."
      first: Int = 50
      """
      The endCursor of the page before, with the same filter; absent: a new search over the
      events stored now.
      """
      after: String
    ): AuditHistoryConnection!
  }

  extend type Mutation {
    """
    Signs a head over every event stored now and records it in the audit stream.
    ILLEGAL_STATE while the stored log is found altered. Roles: OFFICE, INSPECTOR.
    """
    signTreeHead: TreeHead!
  }

  """
  Hashes are lowercase hex. Leaves are numbered from 0 in log order: leaf i is the event
  with i events before it, at global position i + 1 only on a log without gaps (positions
  strictly increase and may skip numbers).
  """
  type InclusionProof {
    """
    The event's leaf, from 0 in log order; at most its position − 1 and less than treeSize.
    A verifier proves the leaf hash, which covers the event's position, at this index.
    """
    leafIndex: Int!
    "The tree size proved against."
    treeSize: Int!
    "The event's leaf hash."
    leafHash: String!
    "The audit path: sibling hashes from the leaf up to the root (RFC 6962 §2.1.1)."
    proof: [String!]!
    "The root of the tree of treeSize leaves."
    rootHash: String!
  }

  "Hashes are lowercase hex (RFC 6962 §2.1.2)."
  type ConsistencyProof {
    "The smaller tree size."
    fromSize: Int!
    "The larger tree size."
    toSize: Int!
    "The root of the tree of fromSize leaves."
    fromRootHash: String!
    "The root of the tree of toSize leaves."
    toRootHash: String!
    "The hashes that take fromRootHash to toRootHash."
    proof: [String!]!
  }

  """
  A signed tree head. The signature (Ed25519, base64) covers the UTF-8 bytes of the
  RFC 8785 canonical JSON of { keyId, legacyUpTo, rootHash, signedAt, treeSize }
  (legacyUpTo left out when null).
  """
  type TreeHead {
    "Events covered: the first treeSize events of the log, leaves 0 to treeSize − 1."
    treeSize: Int!
    "The Merkle root (RFC 6962) over them, lowercase hex."
    rootHash: String!
    "When it was signed."
    signedAt: DateTime!
    "The signing key's id: first 16 hex characters of SHA-256 of its raw public key."
    keyId: String!
    "The raw 32-byte public key, base64."
    publicKey: String!
    """
    The first legacyUpTo events of the log (leaves 0 to legacyUpTo − 1) were written before
    writes were authenticated (no write MAC); every later one carries one. Signed with the head (in its canonical JSON when not
    null); null on heads signed before.
    """
    legacyUpTo: Int
    """
    Ed25519 over canonical JSON of keyId, legacyUpTo (when not null), rootHash, signedAt and
    treeSize, base64.
    """
    signature: String!
    "Global position of the event recording this head (itself covered by a later head)."
    position: Int!
  }

  "The audit's own state: whether it trusts the stored log, how far it has indexed it."
  type AuditStatus {
    "Set when the server found the stored log altered: it signs no head until the log is restored."
    signingStopped: AuditAlarm
    "Events the audit has indexed."
    indexedSize: Int!
    "The latest signed head with its witnesses; null before the first."
    latestHead: WitnessedHead
  }

  "Where the server found its stored log altered."
  type AuditAlarm {
    """
    The global position found altered; when the log no longer has the root a signed head
    signed, the last position that head covers (the altered event is at or before it, as
    what says).
    """
    position: Int!
    "What was found there."
    what: String!
  }

  "A page of signed heads, newest first."
  type WitnessedHeadConnection {
    "The heads of the page, each with its cursor."
    edges: [WitnessedHeadEdge!]!
    "The edges' nodes, for clients that need no cursor per head."
    nodes: [WitnessedHead!]!
    "Where the page stands: hasNextPage means older heads follow."
    pageInfo: PageInfo!
    "Every signed head of the log."
    totalCount: Int!
  }

  "A signed head with its cursor."
  type WitnessedHeadEdge {
    "Names this head's place: pass it as after for the older heads."
    cursor: String!
    "The head."
    node: WitnessedHead!
  }

  "A signed head with the witnesses that cosigned it (C2SP checkpoint cosignatures)."
  type WitnessedHead {
    "Events covered: the first treeSize events of the log, leaves 0 to treeSize − 1."
    treeSize: Int!
    "When it was signed."
    signedAt: DateTime!
    "The Merkle root over them, lowercase hex."
    rootHash: String!
    "The key that signed it."
    keyId: String!
    "The witnesses that cosigned it, with when."
    witnesses: [HeadWitness!]!
    "Cosigned by as many configured witnesses as AUDIT_WITNESS_QUORUM asks."
    witnessed: Boolean!
  }

  "One witness's cosignature of a head."
  type HeadWitness {
    "The witness's name, as its key names it."
    witness: String!
    "Seconds since the epoch, as the cosignature says."
    timestamp: Float!
  }

  """
  A key the audit signed heads with, and when it was the log's key (a rotation by the key before
  it starts it; the next rotation ends it).
  """
  type AuditSigningKey {
    "First 16 hex characters of SHA-256 of the raw public key."
    keyId: String!
    "The raw 32-byte public key, base64."
    publicKey: String!
    "When it became the log's key."
    validFrom: DateTime!
    "The global position of its first head, or of the rotation to it."
    validFromPosition: Int!
    "Null while it is the log's key."
    validUntil: DateTime
    "The global position of the rotation that handed the log on from it."
    validUntilPosition: Int
  }

  "The key signing tree heads now, and every key that ever signed them."
  type AuditPublicKey {
    "First 16 hex characters of SHA-256 of the raw public key."
    keyId: String!
    "\`Ed25519\`."
    algorithm: String!
    "The raw 32-byte public key, base64."
    publicKey: String!
    "The public key as PEM (SPKI)."
    pem: String!
    """
    Every key the log's heads were signed with, in order, each with when it was the log's key:
    old keys stay published.
    """
    keys: [AuditSigningKey!]!
  }

  "Every filter given narrows the result; ranges include both ends."
  input AuditHistoryFilter {
    "Only events of this actor (its id, e.g. \`office-zhang\`, \`clock\`); 1–128 characters."
    actorId: ID
    "The unit the actor acted for."
    unitId: ID
    "Any of these event types, e.g. \`TaskSigned\`; at most 50."
    types: [String!]
    "Only this stream, e.g. \`task-<taskId>\`, \`unit-<unitId>\`, \`rules\`; 1–200 characters."
    streamId: String
    "Recorded at this instant or later."
    recordedFrom: DateTime
    "Recorded at this instant or earlier."
    recordedTo: DateTime
    "Business date: what the event speaks of, else the day (UTC+8) it was recorded."
    businessFrom: Date
    "Business date on this day or earlier."
    businessTo: Date
  }

  "One event of any stream, as stored, with what the audit knows of it."
  type AuditHistoryEvent {
    "Its global position in the whole log: strictly increasing, not a count (it may skip numbers)."
    position: Int!
    "The stream it belongs to, e.g. \`task-<taskId>\`."
    streamId: String!
    "Its revision in its stream, from 0."
    revision: Int!
    "The event's id (a UUID)."
    id: ID!
    "The event's type, a past-tense fact, e.g. \`TaskSigned\`."
    type: String!
    "The version of its type's shape."
    version: Int!
    "When it was recorded."
    recordedAt: DateTime!
    "What the event speaks of, else the day (UTC+8) it was recorded."
    businessDate: Date!
    "Who caused it."
    actor: Actor!
    "The request it came from, shared by every event that request caused."
    correlationId: String
    "What caused it within that request: the service call that ran the command."
    causationId: String
    "The event's payload, as recorded."
    data: JSON
    "RFC 6962 leaf hash of the event's canonical bytes, hex."
    leafHash: String!
    """
    Its leaf in the audit tree, from 0 in log order: position − 1 only on a log without gaps.
    A head of treeSize covers it when leafIndex < treeSize.
    """
    leafIndex: Int!
  }

  "An event of the search, with its cursor."
  type AuditHistoryEdge {
    "Names the search's snapshot and this event's position: pass it as after with the same filter."
    cursor: String!
    "The event."
    node: AuditHistoryEvent!
  }

  "A page of the audit history search."
  type AuditHistoryConnection {
    "Matches in the snapshot the first page was taken from; the same on every page."
    totalCount: Int!
    "The page's events, in global order."
    edges: [AuditHistoryEdge!]!
    "Where the page stands."
    pageInfo: PageInfo!
  }
`;
