/** Urging (催办): the office presses a unit of the task, with a reply day or none. */
export const urgingTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "催办: the office urges the lead unit, or a cooperating unit it names."
    urgeTask(input: UrgeTaskInput!): UrgeTaskPayload!
  }

  "催办 of the office; by is the actor who sent it."
  type Urge {
    urgeId: ID!
    unit: Unit!
    message: String!
    replyBy: Date
    "The business day it was sent on."
    urgedOn: Date!
    by: ID!
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

  type UrgeTaskPayload {
    urgeId: ID!
    revision: Int!
    position: Int!
  }
`;
