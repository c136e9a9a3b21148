/** Blockages (堵点): reported, escalated, given a coordinator, resolved and reopened. */
export const blockageTypeDefs = /* GraphQL */ `
  extend type Mutation {
    reportBlockage(input: ReportBlockageInput!): ReportBlockagePayload!
    resolveBlockage(input: ResolveBlockageInput!): RevisionPayload!
    escalateBlockage(input: EscalateBlockageInput!): RevisionPayload!
    assignBlockageCoordination(input: AssignBlockageCoordinationInput!): RevisionPayload!
    reopenBlockage(input: ReopenBlockageInput!): RevisionPayload!
    "The unit a blockage waits on declares its part done; the unit held up then resolves it."
    declareBlockagePartDone(input: DeclareBlockagePartDoneInput!): RevisionPayload!
  }

  type Blockage {
    id: ID!
    description: String!
    waitingOnUnitId: ID
    status: String!
    reportedAt: DateTime
    resolvedAt: DateTime
    resolution: String
    waitingOnUnit: Unit
    reportedByUnit: Unit
    reportedBy: ID
    "0 until escalated; 1: to the responsible leader; 2: to the main leader."
    escalationLevel: Int!
    escalations: [BlockageEscalation!]!
    coordinatorUnit: Unit
    coordinationNote: String
    coordinationAssignedAt: DateTime
    reopenings: [BlockageReopening!]!
    "The latest declaration by the unit waited on that its part is done; null: none."
    partDone: BlockagePartDone
  }

  type BlockagePartDone {
    unit: Unit!
    note: String!
    declaredAt: DateTime!
    declaredBy: ID!
  }

  type BlockageEscalation {
    "1: to the responsible leader; 2: to the main leader."
    level: Int!
    "system: unresolved too long; leader: a leader raised it."
    escalatedByRole: Role!
    escalatedAt: DateTime!
    escalatedBy: ID!
  }

  type BlockageReopening {
    reason: String!
    "The resolution it had before it was reopened."
    previousResolution: String
    reopenedAt: DateTime!
    reopenedBy: ID!
  }

  input ReportBlockageInput {
    taskId: ID!
    description: String!
    waitingOnUnitId: ID
    idempotencyKey: String
  }

  input ResolveBlockageInput {
    taskId: ID!
    blockageId: ID!
    resolution: String!
    idempotencyKey: String
  }

  input EscalateBlockageInput {
    taskId: ID!
    blockageId: ID!
    "1: to the responsible leader (分管领导); 2: to the main leader (主要领导)."
    level: Int!
    idempotencyKey: String
  }

  input AssignBlockageCoordinationInput {
    taskId: ID!
    blockageId: ID!
    coordinatorUnitId: ID!
    note: String
    idempotencyKey: String
  }

  input DeclareBlockagePartDoneInput {
    taskId: ID!
    blockageId: ID!
    "What the unit did for its part."
    note: String!
    idempotencyKey: String
  }

  input ReopenBlockageInput {
    taskId: ID!
    blockageId: ID!
    reason: String!
    idempotencyKey: String
  }

  type ReportBlockagePayload {
    blockageId: ID!
    revision: Int!
    position: Int!
  }
`;
