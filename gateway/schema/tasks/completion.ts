import { idempotencyKeyField } from '../shared-fields.ts';

/** The completion report (办结报告) and the office's review: accepted (办结) or returned (退回重办). */
export const completionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    办结报告: the lead unit reports the task done once every milestone is, with a summary
    and evidence; the office then accepts or returns it. Not while a report is pending,
    nor on a suspended or closed task. Roles: DEPARTMENT_HEAD of the lead unit.
    """
    reportTaskCompletion(
      "The task, the summary and the evidence."
      input: ReportTaskCompletionInput!
    ): RevisionPayload!
    """
    Accepts the pending completion report: the task is closed (办结) and takes no more
    work. Not on a suspended task. Roles: OFFICE.
    """
    acceptTaskCompletion(
      "The task and a comment."
      input: AcceptTaskCompletionInput!
    ): RevisionPayload!
    """
    退回重办: returns the pending completion report with the reason; the lead unit must
    report again, and the task counts as failed in the year's scores. Roles: OFFICE.
    """
    rejectTaskCompletion(
      "The task and why the report is returned."
      input: TaskReasonInput!
    ): RevisionPayload!
  }

  "Where the completion report (办结报告) stands."
  enum CompletionState {
    "None reported yet."
    NONE
    "Reported, awaiting the office."
    REPORTED
    "Accepted: the task is closed (办结)."
    ACCEPTED
    "Returned for rework (退回重办): to be reported again."
    REJECTED
  }

  "退回重办: a completion report the office returned, with the reason."
  type CompletionRejection {
    "The summary of the report returned."
    summary: String
    "Why it was returned."
    reason: String!
    "When it was returned."
    rejectedAt: DateTime!
    "The office actor who returned it."
    rejectedBy: ID!
  }

  "办结报告: summary and evidence are the last report's."
  type Completion {
    "None, reported, accepted or rejected."
    state: CompletionState!
    "The last report's summary; null before any."
    summary: String
    "The last report's evidence; empty before any."
    evidence: [Evidence!]!
    "When the last report was made; null before any."
    reportedAt: DateTime
    "The department head who made the last report; null before any."
    reportedBy: ID
    "When the office accepted it; null unless accepted."
    acceptedAt: DateTime
    "The office actor who accepted it; null unless accepted."
    acceptedBy: ID
    "The office's comment on acceptance; null when none was given."
    comment: String
    "Every report returned for rework, oldest first."
    rejections: [CompletionRejection!]!
  }

  "A completion report (办结报告)."
  input ReportTaskCompletionInput {
    "The task whose milestones are all completed."
    taskId: ID!
    "What was achieved; 1–4000 characters."
    summary: String!
    "Files named by SHA-256 and size, at most 20; the files stay with the unit."
    evidence: [EvidenceInput!]
${idempotencyKeyField}  }

  "The acceptance of a completion report."
  input AcceptTaskCompletionInput {
    "The task whose completion report is pending."
    taskId: ID!
    "The office's comment; at most 2000 characters. Blank or absent: none."
    comment: String
${idempotencyKeyField}  }
`;
