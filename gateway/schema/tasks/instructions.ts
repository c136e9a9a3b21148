import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Leadership instructions (批示) on a task, addressed to some of its units. */
export const instructionTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "批示 of a leader on a task, addressed to the units it names. Roles: LEADER."
    issueLeadershipInstruction(
      "The task, the instruction and its addressees."
      input: IssueLeadershipInstructionInput!
    ): IssueLeadershipInstructionPayload!
  }

  "批示; issuedBy is the leader."
  type LeadershipInstruction {
    "The instruction's id, unique within its task."
    id: ID!
    "What the leader instructs."
    text: String!
    "The units addressed; empty: the task at large."
    addressedToUnits: [Unit!]!
    "When it was issued."
    issuedAt: DateTime!
    "The leader who issued it."
    issuedBy: ID!
  }

  "A leadership instruction (批示) to issue."
  input IssueLeadershipInstructionInput {
    "The task it is about."
    taskId: ID!
    "What the leader instructs; 1–4000 characters."
    text: String!
    "Registered units to address, at most 50, each named once; absent or empty: the task at large."
    addressedToUnitIds: [ID!]
${idempotencyKeyField}  }

  "An issued instruction: its id, and where the command left the log."
  type IssueLeadershipInstructionPayload {
    "The new instruction's id, unique within its task."
    instructionId: ID!
${commandPositionFields}  }
`;
