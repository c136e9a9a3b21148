import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Supervision notices (督办单): issued by the office to a unit, answered once by it. */
export const noticeTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    督办单: a supervision notice to the lead or a cooperating unit, as a blue 提示, yellow
    督办 or red 专报 slip, with the day the answer is due. Not on a closed task. Roles: OFFICE.
    """
    issueSupervisionNotice(
      "The notice: level, addressee, text and reply day."
      input: IssueSupervisionNoticeInput!
    ): IssueSupervisionNoticePayload!
    """
    Answers a supervision notice, once, with evidence. Roles: DEPARTMENT_HEAD of the unit
    addressed, even one that no longer leads or cooperates on the task.
    """
    answerSupervisionNotice(
      "The notice and the answer."
      input: AnswerSupervisionNoticeInput!
    ): RevisionPayload!
  }

  "The colour of a supervision notice (督办单), mildest first."
  enum NoticeLevel {
    "Blue slip, 提示: a reminder."
    BLUE
    "Yellow slip, 督办: the office presses for the work to be done."
    YELLOW
    "Red slip, 专报: reported up to the leadership."
    RED
  }

  "督办单 and its answer."
  type SupervisionNotice {
    "The notice's id, unique within its task."
    id: ID!
    "Blue, yellow or red."
    level: NoticeLevel!
    "The unit addressed."
    toUnit: Unit!
    "The notice's subject."
    subject: String!
    "The notice's text."
    body: String!
    "The day the answer is due."
    replyDueDate: Date!
    "When it was issued."
    issuedAt: DateTime!
    "The office actor who issued it."
    issuedBy: ID!
    "Whether the unit has answered."
    answered: Boolean!
    "The answer; null until answered."
    answer: String
    "Files offered with the answer; empty until answered."
    answerEvidence: [Evidence!]!
    "When it was answered; null until answered."
    answeredAt: DateTime
    "The department head who answered; null until answered."
    answeredBy: ID
  }

  "A supervision notice to issue."
  input IssueSupervisionNoticeInput {
    "The task the notice is about."
    taskId: ID!
    "Blue, yellow or red."
    level: NoticeLevel!
    "The lead unit or a cooperating unit of the task."
    toUnitId: ID!
    "The subject; 1–200 characters."
    subject: String!
    "The text; 1–4000 characters."
    body: String!
    "The day the answer is due: today (China Standard Time) or later."
    replyDueDate: Date!
${idempotencyKeyField}  }

  "An answer to a supervision notice."
  input AnswerSupervisionNoticeInput {
    "The task the notice is about."
    taskId: ID!
    "The notice addressed to the caller's unit, not yet answered."
    noticeId: ID!
    "The answer; 1–4000 characters."
    answer: String!
    "Files named by SHA-256 and size, at most 20; the files stay with the unit."
    evidence: [EvidenceInput!]
${idempotencyKeyField}  }

  "An issued notice: its id, and where the command left the log."
  type IssueSupervisionNoticePayload {
    "The new notice's id, unique within its task."
    noticeId: ID!
${commandPositionFields}  }
`;
