/**
 * What the web console (督查督办工作台) needs beyond the other areas: the demo
 * sign-in (演示登录, refused in production) and the event fields an offline
 * audit bundle must carry.
 */
export const consoleTypeDefs = /* GraphQL */ `
  extend type Query {
    "Whether this gateway hands out demo tokens (never with NODE_ENV=production)."
    demoLoginEnabled: Boolean!
    "The demo's people to sign in as; empty when demo sign-in is off. Needs no token."
    demoUsers: [DemoUser!]!
  }

  extend type Mutation {
    "A token for one of demoUsers; FORBIDDEN when demo sign-in is off. Needs no token."
    demoSignIn(input: DemoSignInInput!): DemoSession!
  }

  extend type AuditHistoryEvent {
    "The command's idempotency key, stored in the metadata the leaf hash covers."
    idempotencyKey: String
    "The metadata exactly as stored: what the leaf hash covers, with data and the rest."
    metadata: JSON!
  }

  type DemoUser {
    sub: ID!
    role: Role!
    unitId: ID
    name: String!
  }

  input DemoSignInInput {
    "The sub of one of demoUsers."
    sub: ID!
  }

  type DemoSession {
    token: String!
    actor: Actor!
  }
`;
