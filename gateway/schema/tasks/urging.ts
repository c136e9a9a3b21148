import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Urging (催办): the office presses a unit of the task, with a reply day or none. */
export const urgingTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    催办: the office urges the lead unit, or a cooperating unit it names; lighter than a
    supervision notice (督办单). Counted on the responsibility board. Not on a closed task.
    Roles: OFFICE.
    """
    urgeTask(
      "The task, the unit, the message and a reply day."
      input: UrgeTaskInput!
    ): UrgeTaskPayload!
  }

  "催办 of the office; by is the actor who sent it."
  type Urge {
    "The urge's id, unique within its task."
    urgeId: ID!
    "The unit urged."
    unit: Unit!
    "What the office asks."
    message: String!
    "The day to reply by; null when none was set."
    replyBy: Date
    "The business day (China Standard Time) it was sent on."
    urgedOn: Date!
    "The office actor who sent it."
    by: ID!
  }

  "An urge (催办) to send."
  input UrgeTaskInput {
    "The task it is about; it must have a lead unit."
    taskId: ID!
    "The lead unit when absent; else the lead or a cooperating unit of the task."
    unitId: ID
    "What the office asks; 1–2000 characters."
    message: String!
    "No reply day when absent; else not before today."
    replyBy: Date
${idempotencyKeyField}  }

  "A sent urge: its id, and where the command left the log."
  type UrgeTaskPayload {
    "The new urge's id, unique within its task."
    urgeId: ID!
${commandPositionFields}  }
`;
