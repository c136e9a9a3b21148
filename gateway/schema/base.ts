import type { GatewayContext } from '../context.ts';
import { requireActor } from '../context.ts';
import { DateScalar, DateTimeScalar, JSONScalar } from '../scalars.ts';

/**
 * Scalars, the Query root and who-am-I; each area extends Query (and Mutation,
 * which task registration opens).
 */
export const baseTypeDefs = /* GraphQL */ `
  "A calendar day, YYYY-MM-DD, between 2000-01-01 and 2100-12-31."
  scalar Date
  "An ISO-8601 timestamp."
  scalar DateTime
  "Any JSON value."
  scalar JSON

  type Query {
    "Who the token says you are."
    me: Actor!
  }

  enum Role {
    office
    department_head
    leader
    inspector
    system
  }

  type Actor {
    id: ID!
    role: Role!
    unitId: ID
    name: String
  }
`;

export const baseResolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    me: (_: unknown, __: unknown, ctx: GatewayContext) => requireActor(ctx),
  },
};
