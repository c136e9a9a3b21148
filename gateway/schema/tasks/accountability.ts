/** Accountability (问责) against a unit or an official, with the points it takes off. */
export const accountabilityTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "问责, by the office or an inspector."
    recordAccountability(input: RecordAccountabilityInput!): RecordAccountabilityPayload!
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

  type AccountabilitySubject {
    kind: AccountabilitySubjectKind!
    id: ID!
    "The unit, when the subject is one."
    unit: Unit
  }

  "问责"
  type AccountabilityRecord {
    id: ID!
    against: AccountabilitySubject!
    kind: AccountabilityKind!
    reason: String!
    scoreDeduction: Float!
    recordedAt: DateTime!
    recordedBy: ID!
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

  type RecordAccountabilityPayload {
    recordId: ID!
    revision: Int!
    position: Int!
  }
`;
