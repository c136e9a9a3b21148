import { createSchema } from 'graphql-yoga';
import { DateScalar } from '../../gateway/scalars.ts';

/**
 * A small schema with the shapes input errors come in: an input object with a
 * list of input objects, an enum, the project's Date scalar, a directive with
 * a required argument, a subscription root.
 */
export const inputErrorsSchema = createSchema({
  typeDefs: /* GraphQL */ `
    scalar Date
    enum Post {
      MAIN_LEADER
      DEPUTY
    }
    input ItemInput {
      name: String!
      size: Int
    }
    input RegisterTaskInput {
      title: String!
      dueDate: Date!
      items: [ItemInput!]
      post: Post
      note: String
    }
    type Actor {
      id: ID!
      name: String
    }
    type Task {
      id: ID!
      title: String!
    }
    type Query {
      me: Actor!
      task(id: ID!): Task
      tasks(first: Int): [Task!]!
      taskTitled(id: ID!, title: String!): Task
    }
    type Mutation {
      registerTask(input: RegisterTaskInput!): Task
    }
    type Subscription {
      taskChanged: Task
      taskRemoved: Task
    }
    directive @only(reason: String!) on FIELD
  `,
  resolvers: {
    Date: DateScalar,
    Query: { me: () => ({ id: 'office' }), task: () => null, tasks: () => [] },
  },
});
