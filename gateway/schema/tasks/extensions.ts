/** Deadline extensions of a milestone: asked by the lead unit, decided by a leader. */
export const extensionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "Asked by the lead unit on the milestone's due day at the latest; later is ILLEGAL_STATE."
    requestDeadlineExtension(input: RequestDeadlineExtensionInput!): RequestDeadlineExtensionPayload!
    approveDeadlineExtension(input: ApproveDeadlineExtensionInput!): RevisionPayload!
    rejectDeadlineExtension(input: RejectDeadlineExtensionInput!): RevisionPayload!
  }

  enum ExtensionStatus {
    requested
    approved
    rejected
  }

  type DeadlineExtension {
    id: ID!
    milestoneId: ID!
    currentDueDate: Date!
    requestedDueDate: Date!
    reason: String!
    status: ExtensionStatus!
    requestedAt: DateTime!
    requestedBy: ID!
    decidedAt: DateTime
    "The leader who approved or rejected it."
    decidedBy: ID
    "The milestone's due date from the approval on."
    newDueDate: Date
    rejectionReason: String
  }

  input RequestDeadlineExtensionInput {
    taskId: ID!
    milestoneId: ID!
    requestedDueDate: Date!
    reason: String!
    idempotencyKey: String
  }

  input ApproveDeadlineExtensionInput {
    taskId: ID!
    requestId: ID!
    idempotencyKey: String
  }

  input RejectDeadlineExtensionInput {
    taskId: ID!
    requestId: ID!
    reason: String!
    idempotencyKey: String
  }

  type RequestDeadlineExtensionPayload {
    requestId: ID!
    revision: Int!
    position: Int!
  }
`;
