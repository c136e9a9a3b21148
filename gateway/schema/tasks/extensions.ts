import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Deadline extensions of a milestone: asked by the lead unit, decided by a leader. */
export const extensionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Asks for a later due date for an open milestone (延期), on the milestone's due day
    (China Standard Time) at the latest; later is ILLEGAL_STATE, as is a second request
    while one is open. Not on a closed task. Roles: DEPARTMENT_HEAD of the lead unit.
    """
    requestDeadlineExtension(
      "The milestone, the date asked for and why."
      input: RequestDeadlineExtensionInput!
    ): RequestDeadlineExtensionPayload!
    """
    Grants an open request: the requested date becomes the milestone's due date. Not for
    a milestone completed meanwhile (reject it instead), nor on a closed task. Roles: LEADER.
    """
    approveDeadlineExtension(
      "The request to grant."
      input: ApproveDeadlineExtensionInput!
    ): RevisionPayload!
    "Refuses an open request, with the reason; the due date stays. Roles: LEADER."
    rejectDeadlineExtension(
      "The request to refuse and why."
      input: RejectDeadlineExtensionInput!
    ): RevisionPayload!
  }

  "Where a deadline extension request stands."
  enum ExtensionStatus {
    "Asked; no leader has decided yet."
    REQUESTED
    "Granted: the requested date became the milestone's due date."
    APPROVED
    "Refused: the due date stayed."
    REJECTED
  }

  "A request for a later due date of a milestone (延期), and a leader's decision on it."
  type DeadlineExtension {
    "The request's id, unique within its task."
    id: ID!
    "The milestone it asks more time for."
    milestoneId: ID!
    "The milestone's due date when the request was made."
    currentDueDate: Date!
    "The due date asked for."
    requestedDueDate: Date!
    "Why more time is needed."
    reason: String!
    "Requested, approved or rejected."
    status: ExtensionStatus!
    "When it was asked."
    requestedAt: DateTime!
    "The department head who asked."
    requestedBy: ID!
    "When a leader decided; null while undecided."
    decidedAt: DateTime
    "The leader who approved or rejected it."
    decidedBy: ID
    "The milestone's due date from the approval on; null unless approved."
    newDueDate: Date
    "Why it was refused; null unless rejected."
    rejectionReason: String
  }

  "A request for more time."
  input RequestDeadlineExtensionInput {
    "The task the milestone belongs to."
    taskId: ID!
    "The open milestone that needs more time."
    milestoneId: ID!
    "Later than the milestone's current due date, and not after the task's own due date."
    requestedDueDate: Date!
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "A request to grant."
  input ApproveDeadlineExtensionInput {
    "The task the request belongs to."
    taskId: ID!
    "The open request, as requestDeadlineExtension answered it."
    requestId: ID!
${idempotencyKeyField}  }

  "A request to refuse."
  input RejectDeadlineExtensionInput {
    "The task the request belongs to."
    taskId: ID!
    "The open request, as requestDeadlineExtension answered it."
    requestId: ID!
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "A recorded request: its id, and where the command left the log."
  type RequestDeadlineExtensionPayload {
    "The new request's id, unique within its task."
    requestId: ID!
${commandPositionFields}  }
`;
