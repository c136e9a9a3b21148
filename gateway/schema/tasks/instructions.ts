/** Leadership instructions (批示) on a task, addressed to some of its units. */
export const instructionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "批示 of a leader."
    issueLeadershipInstruction(input: IssueLeadershipInstructionInput!): IssueLeadershipInstructionPayload!
  }

  "批示; issuedBy is the leader."
  type LeadershipInstruction {
    id: ID!
    text: String!
    addressedToUnits: [Unit!]!
    issuedAt: DateTime!
    issuedBy: ID!
  }

  input IssueLeadershipInstructionInput {
    taskId: ID!
    text: String!
    addressedToUnitIds: [ID!]
    idempotencyKey: String
  }

  type IssueLeadershipInstructionPayload {
    instructionId: ID!
    revision: Int!
    position: Int!
  }
`;
