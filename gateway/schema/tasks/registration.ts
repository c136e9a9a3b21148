/**
 * Registering a task and assigning its lead unit. Opens the Mutation root, which
 * every other area extends.
 */
export const registrationTypeDefs = /* GraphQL */ `
  type Mutation {
    registerTask(input: RegisterTaskInput!): RegisterTaskPayload!
    assignTask(input: AssignTaskInput!): RevisionPayload!
  }

  input RegisterTaskInput {
    title: String!
    description: String
    section: String
    plannedStart: Date!
    dueDate: Date!
    idempotencyKey: String
  }

  input AssignTaskInput {
    taskId: ID!
    leadUnitId: ID!
    cooperatingUnitIds: [ID!]
    responsibleLeader: String
    idempotencyKey: String
  }

  type RegisterTaskPayload {
    id: ID!
    revision: Int!
    position: Int!
  }
`;
