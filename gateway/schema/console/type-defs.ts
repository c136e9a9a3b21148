/**
 * What the web console (督查督办工作台) needs beyond the other areas: the demo
 * sign-in (演示登录, refused in production) and the event fields an offline
 * audit bundle must carry.
 */
export const consoleTypeDefs = /* GraphQL */ `
  extend type Query {
    "Whether this gateway hands out demo tokens (never with NODE_ENV=production). Needs no token."
    demoLoginEnabled: Boolean!
    "The demo's people to sign in as; empty when demo sign-in is off. Needs no token."
    demoUsers: [DemoUser!]!
  }

  extend type Mutation {
    """
    A token for one of demoUsers, valid 12 hours; FORBIDDEN when demo sign-in is off, NOT_FOUND
    for an unknown sub. Needs no token.
    """
    demoSignIn(
      "Whom to sign in as."
      input: DemoSignInInput!
    ): DemoSession!
  }

  extend type AuditHistoryEvent {
    "The command's idempotency key, stored in the metadata the leaf hash covers."
    idempotencyKey: String
    "The metadata exactly as stored: what the leaf hash covers, with data and the rest."
    metadata: JSON!
  }

  """
  A person of the demo one may sign in as: the office, the inspector, each leader and each
  unit's head.
  """
  type DemoUser {
    "The token subject to sign in as, e.g. \`office-zhang\`, \`head-<unitId>\`."
    sub: ID!
    "The role the token grants; never SYSTEM."
    role: Role!
    "The unit a department head acts for; null for other roles."
    unitId: ID
    "The name shown, e.g. 督查室张科长."
    name: String!
  }

  "Whom to sign in as."
  input DemoSignInInput {
    "The sub of one of demoUsers."
    sub: ID!
  }

  "A demo token and who it says you are."
  type DemoSession {
    "A bearer token: send it as \`Authorization: Bearer <token>\`."
    token: String!
    "Who the token says you are, as me answers."
    actor: Actor!
  }
`;
