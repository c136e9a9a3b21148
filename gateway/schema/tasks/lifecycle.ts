/**
 * Who holds the task and whether it runs: signing (签收), transfer and return of
 * the lead, suspension, resumption and termination.
 */
export const lifecycleTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "签收: a department head signs for the task in the name of its unit."
    signTask(input: SignTaskInput!): RevisionPayload!
    "The office moves the lead to another unit."
    transferTask(input: TransferTaskInput!): RevisionPayload!
    "The lead unit returns a task wrongly assigned to it, before signing."
    returnTask(input: TaskReasonInput!): RevisionPayload!
    suspendTask(input: TaskReasonInput!): RevisionPayload!
    resumeTask(input: TaskReasonInput!): RevisionPayload!
    "Final: the task takes no more commands."
    terminateTask(input: TaskReasonInput!): RevisionPayload!
  }

  "签收 of a unit; current while the assignment it signed for holds."
  type Signature {
    unit: Unit!
    signedAt: DateTime!
    signedBy: ID!
    current: Boolean!
  }

  enum HandoverKind {
    assigned
    transferred
    returned
  }

  "A change of the lead unit: assigned, transferred (with the reason) or returned as wrongly assigned."
  type Handover {
    kind: HandoverKind!
    fromUnit: Unit
    toUnit: Unit
    reason: String
    at: DateTime!
    by: ID!
  }

  type Suspension {
    reason: String!
    suspendedAt: DateTime!
    suspendedBy: ID!
    resumeReason: String
    resumedAt: DateTime
    resumedBy: ID
  }

  type Termination {
    reason: String!
    terminatedAt: DateTime!
    terminatedBy: ID!
  }

  input SignTaskInput {
    taskId: ID!
    idempotencyKey: String
  }

  input TransferTaskInput {
    taskId: ID!
    toUnitId: ID!
    reason: String!
    idempotencyKey: String
  }

  "A command on a task that only needs the reason for it."
  input TaskReasonInput {
    taskId: ID!
    reason: String!
    idempotencyKey: String
  }
`;
