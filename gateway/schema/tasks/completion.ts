/** The completion report (办结报告) and the office's review: accepted (办结) or returned (退回重办). */
export const completionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "办结报告: the lead unit reports the task done once every milestone is."
    reportTaskCompletion(input: ReportTaskCompletionInput!): RevisionPayload!
    acceptTaskCompletion(input: AcceptTaskCompletionInput!): RevisionPayload!
    "退回重办"
    rejectTaskCompletion(input: TaskReasonInput!): RevisionPayload!
  }

  enum CompletionState {
    none
    reported
    accepted
    rejected
  }

  "退回重办: a completion report the office returned, with the reason."
  type CompletionRejection {
    summary: String
    reason: String!
    rejectedAt: DateTime!
    rejectedBy: ID!
  }

  "办结报告: summary and evidence are the last report's."
  type Completion {
    state: CompletionState!
    summary: String
    evidence: [Evidence!]!
    reportedAt: DateTime
    reportedBy: ID
    acceptedAt: DateTime
    acceptedBy: ID
    comment: String
    rejections: [CompletionRejection!]!
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
`;
