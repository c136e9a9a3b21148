import { indicatorDefinitionFields } from '../shared-fields.ts';

/**
 * The supervision year's task commands: a mutation per command of the
 * task's lifecycle, each answering with the stream revision and global position
 * (`RevisionPayload`, from the tasks area) and the id it generated, if any.
 */
export const supervisionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "签收: a department head signs for the task in the name of its unit."
    signTask(input: SignTaskInput!): RevisionPayload!
    "The office moves the lead to another unit."
    transferTask(input: TransferTaskInput!): RevisionPayload!
    "The lead unit returns a task wrongly assigned to it, before signing."
    returnTask(input: TaskReasonInput!): RevisionPayload!
    "Asked by the lead unit on the milestone's due day at the latest; later is ILLEGAL_STATE."
    requestDeadlineExtension(input: RequestDeadlineExtensionInput!): RequestDeadlineExtensionPayload!
    approveDeadlineExtension(input: ApproveDeadlineExtensionInput!): RevisionPayload!
    rejectDeadlineExtension(input: RejectDeadlineExtensionInput!): RevisionPayload!
    reopenMilestone(input: ReopenMilestoneInput!): RevisionPayload!
    "办结报告: the lead unit reports the task done once every milestone is."
    reportTaskCompletion(input: ReportTaskCompletionInput!): RevisionPayload!
    acceptTaskCompletion(input: AcceptTaskCompletionInput!): RevisionPayload!
    "退回重办"
    rejectTaskCompletion(input: TaskReasonInput!): RevisionPayload!
    suspendTask(input: TaskReasonInput!): RevisionPayload!
    resumeTask(input: TaskReasonInput!): RevisionPayload!
    "Final: the task takes no more commands."
    terminateTask(input: TaskReasonInput!): RevisionPayload!
    "实效: a measurable result the task must reach."
    defineIndicator(input: DefineIndicatorInput!): DefineIndicatorPayload!
    "Self-reported when a unit reports, measured when the office does."
    reportIndicatorValue(input: ReportIndicatorValueInput!): RevisionPayload!
    "督办单: blue 提示, yellow 督办, red 专报."
    issueSupervisionNotice(input: IssueSupervisionNoticeInput!): IssueSupervisionNoticePayload!
    answerSupervisionNotice(input: AnswerSupervisionNoticeInput!): RevisionPayload!
    "催办: the office urges the lead unit, or a cooperating unit it names."
    urgeTask(input: UrgeTaskInput!): UrgeTaskPayload!
    "批示 of a leader."
    issueLeadershipInstruction(input: IssueLeadershipInstructionInput!): IssueLeadershipInstructionPayload!
    "问责, by the office or an inspector."
    recordAccountability(input: RecordAccountabilityInput!): RecordAccountabilityPayload!
    escalateBlockage(input: EscalateBlockageInput!): RevisionPayload!
    assignBlockageCoordination(input: AssignBlockageCoordinationInput!): RevisionPayload!
    reopenBlockage(input: ReopenBlockageInput!): RevisionPayload!
  }

  enum NoticeLevel {
    blue
    yellow
    red
  }

  enum IndicatorComparison {
    gte
    lte
    eq
  }

  "约谈, 责令检查, 通报批评; and for an official only: 诫勉谈话, 警告, 记过."
  enum AccountabilityKind {
    interview
    ordered_self_examination
    criticism
    admonishment
    warning
    demerit
  }

  enum AccountabilitySubjectKind {
    unit
    official
  }

  "A file offered as evidence (佐证材料), named by its SHA-256."
  input EvidenceInput {
    fileName: String!
    "64 lowercase hex digits."
    sha256: String!
    "Bytes."
    size: Int!
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

  input ReopenMilestoneInput {
    taskId: ID!
    milestoneId: ID!
    reason: String!
    idempotencyKey: String
  }

  input ReportTaskCompletionInput {
    taskId: ID!
    summary: String!
    evidence: [EvidenceInput!]
    idempotencyKey: String
  }

  input AcceptTaskCompletionInput {
    taskId: ID!
    comment: String
    idempotencyKey: String
  }

  input DefineIndicatorInput {
    taskId: ID!
${indicatorDefinitionFields}    idempotencyKey: String
  }

  input ReportIndicatorValueInput {
    taskId: ID!
    indicatorId: ID!
    value: Float!
    asOf: Date!
    evidence: [EvidenceInput!]
    idempotencyKey: String
  }

  input IssueSupervisionNoticeInput {
    taskId: ID!
    level: NoticeLevel!
    toUnitId: ID!
    subject: String!
    body: String!
    replyDueDate: Date!
    idempotencyKey: String
  }

  input AnswerSupervisionNoticeInput {
    taskId: ID!
    noticeId: ID!
    answer: String!
    evidence: [EvidenceInput!]
    idempotencyKey: String
  }

  input UrgeTaskInput {
    taskId: ID!
    "The lead unit when absent."
    unitId: ID
    message: String!
    "No reply day when absent; else not before today."
    replyBy: Date
    idempotencyKey: String
  }

  input IssueLeadershipInstructionInput {
    taskId: ID!
    text: String!
    addressedToUnitIds: [ID!]
    idempotencyKey: String
  }

  input AccountabilitySubjectInput {
    kind: AccountabilitySubjectKind!
    id: ID!
  }

  input RecordAccountabilityInput {
    taskId: ID!
    against: AccountabilitySubjectInput!
    kind: AccountabilityKind!
    reason: String!
    "Points taken off the subject's score, 0 to 100; 0 when absent."
    scoreDeduction: Float
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

  input ReopenBlockageInput {
    taskId: ID!
    blockageId: ID!
    reason: String!
    idempotencyKey: String
  }

  type RequestDeadlineExtensionPayload {
    requestId: ID!
    revision: Int!
    position: Int!
  }

  type DefineIndicatorPayload {
    indicatorId: ID!
    revision: Int!
    position: Int!
  }

  type IssueSupervisionNoticePayload {
    noticeId: ID!
    revision: Int!
    position: Int!
  }

  type UrgeTaskPayload {
    urgeId: ID!
    revision: Int!
    position: Int!
  }

  type IssueLeadershipInstructionPayload {
    instructionId: ID!
    revision: Int!
    position: Int!
  }

  type RecordAccountabilityPayload {
    recordId: ID!
    revision: Int!
    position: Int!
  }
`;
