/** Supervision notices (督办单): issued by the office to a unit, answered once by it. */
export const noticeTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "督办单: blue 提示, yellow 督办, red 专报."
    issueSupervisionNotice(input: IssueSupervisionNoticeInput!): IssueSupervisionNoticePayload!
    answerSupervisionNotice(input: AnswerSupervisionNoticeInput!): RevisionPayload!
  }

  enum NoticeLevel {
    blue
    yellow
    red
  }

  "督办单 and its answer."
  type SupervisionNotice {
    id: ID!
    level: NoticeLevel!
    toUnit: Unit!
    subject: String!
    body: String!
    replyDueDate: Date!
    issuedAt: DateTime!
    issuedBy: ID!
    answered: Boolean!
    answer: String
    answerEvidence: [Evidence!]!
    answeredAt: DateTime
    answeredBy: ID
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

  type IssueSupervisionNoticePayload {
    noticeId: ID!
    revision: Int!
    position: Int!
  }
`;
