import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/**
 * Deadline extensions (延期) of a milestone or of the task itself: asked by the
 * lead unit, reviewed by the office (初审), decided by the responsible leader.
 */
export const extensionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Asks for a later due date (延期): of an open milestone, or, without milestoneId, of the
    task itself. Only before the limit runs out: the due date, or the next working day when
    it falls on a day off, China Standard Time; later is ILLEGAL_STATE, as is a second request
    while one is open for the same milestone (or for the task). The office reviews it first
    (reviewDeadlineExtension), then the responsible leader decides. Not on a closed task.
    Roles: DEPARTMENT_HEAD of the lead unit.
    """
    requestDeadlineExtension(
      "The milestone (or none: the task), the date asked for and why."
      input: RequestDeadlineExtensionInput!
    ): RequestDeadlineExtensionPayload!
    """
    初审: the office reviews an open request once, forwarding it to the task's responsible
    leader (分管领导) or refusing it, which closes it with the dates unchanged; a second review
    is ILLEGAL_STATE. Not on a closed task. Roles: OFFICE.
    """
    reviewDeadlineExtension(
      "The request, whether to forward it, and the office's comment."
      input: ReviewDeadlineExtensionInput!
    ): RevisionPayload!
    """
    Grants a request the office forwarded: the requested date becomes the milestone's (or the
    task's) due date. Before the office's review ILLEGAL_STATE; not for a milestone completed
    meanwhile (reject it instead), nor on a closed task. Roles: LEADER, only the task's
    responsible leader (any leader when it has none); another leader gets FORBIDDEN.
    """
    approveDeadlineExtension(
      "The request to grant."
      input: ApproveDeadlineExtensionInput!
    ): RevisionPayload!
    """
    Refuses a request the office forwarded, with the reason; the due date stays. Before the
    office's review ILLEGAL_STATE. Roles: LEADER, only the task's responsible leader (any
    leader when it has none).
    """
    rejectDeadlineExtension(
      "The request to refuse and why."
      input: RejectDeadlineExtensionInput!
    ): RevisionPayload!
  }

  "Where a deadline extension request stands."
  enum ExtensionStatus {
    "Asked; awaiting the office's review (初审)."
    REQUESTED
    "Forwarded by the office; awaiting the responsible leader's decision."
    FORWARDED
    "Refused by the office at its review: closed, the due date unchanged."
    DECLINED
    "Granted: the requested date became the due date."
    APPROVED
    "Refused by the leader: the due date stayed."
    REJECTED
  }

  "The stages of a request: 申请, 初审, 决定."
  enum ExtensionStage {
    "申请: asked by the lead unit, not reviewed yet."
    REQUESTED
    "初审: reviewed by the office (forwarded or declined)."
    REVIEWED
    "决定: decided by the leader."
    DECIDED
  }

  """
  A request for a later due date (延期) of a milestone or of the task itself, the office's
  review (初审) and the leader's decision (决定).
  """
  type DeadlineExtension {
    "The request's id, unique within its task."
    id: ID!
    "The milestone it asks more time for; null: the task's own due date."
    milestoneId: ID
    "The due date when the request was made: the date before."
    currentDueDate: Date!
    "The due date asked for."
    requestedDueDate: Date!
    "Why more time is needed."
    reason: String!
    "Where it stands."
    status: ExtensionStatus!
    "The last stage it went through."
    stage: ExtensionStage!
    "When it was asked."
    requestedAt: DateTime!
    "The department head who asked."
    requestedBy: ID!
    "When the office reviewed it; null before."
    reviewedAt: DateTime
    "Who at the office reviewed it; null before."
    reviewedBy: ID
    "The office's comment (初审意见); null before the review."
    reviewComment: String
    "When a leader decided; null while undecided."
    decidedAt: DateTime
    "The leader who approved or rejected it."
    decidedBy: ID
    "The due date from the approval on: the date after; null unless approved."
    newDueDate: Date
    "Why the leader refused it; null unless rejected."
    rejectionReason: String
  }

  "A request for more time."
  input RequestDeadlineExtensionInput {
    "The task."
    taskId: ID!
    "The open milestone that needs more time; absent or null: the task's own due date."
    milestoneId: ID
    """
    Later than the current due date; for a milestone, not after the task's own due date
    (ask for the task's first).
    """
    requestedDueDate: Date!
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "The office's review (初审) of a request."
  input ReviewDeadlineExtensionInput {
    "The task the request belongs to."
    taskId: ID!
    "The open request, as requestDeadlineExtension answered it."
    requestId: ID!
    "true: forward it to the responsible leader; false: refuse it (closes it)."
    forward: Boolean!
    "The office's comment (初审意见); 1–2000 characters."
    comment: String!
${idempotencyKeyField}  }

  "A request to grant."
  input ApproveDeadlineExtensionInput {
    "The task the request belongs to."
    taskId: ID!
    "The forwarded request, as requestDeadlineExtension answered it."
    requestId: ID!
${idempotencyKeyField}  }

  "A request to refuse."
  input RejectDeadlineExtensionInput {
    "The task the request belongs to."
    taskId: ID!
    "The forwarded request, as requestDeadlineExtension answered it."
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
