/** Units (单位): registered by the office, named wherever a task points at one. */
export const unitTypeDefs = /* GraphQL */ `
  extend type Query {
    units: [Unit!]!
  }

  extend type Mutation {
    registerUnit(input: RegisterUnitInput!): RegisterUnitPayload!
  }

  type Unit {
    id: ID!
    name: String
    registeredAt: DateTime
  }

  input RegisterUnitInput {
    id: ID
    name: String!
    idempotencyKey: String
  }

  type RegisterUnitPayload {
    id: ID!
    revision: Int!
    position: Int!
  }
`;
