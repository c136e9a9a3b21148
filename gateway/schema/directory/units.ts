import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Units (单位): registered by the office, named wherever a task points at one. */
export const unitTypeDefs = /* GraphQL */ `
  extend type Query {
    "Every registered unit, by name. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR."
    units: [Unit!]!
  }

  extend type Mutation {
    "Registers a unit (责任单位) in the directory, so tasks can be assigned to it. Roles: OFFICE."
    registerUnit(
      "The unit's name and, if the office chooses it, its id."
      input: RegisterUnitInput!
    ): RegisterUnitPayload!
  }

  "A unit (单位) of the directory: a department, a street office, a 科室 or 社区."
  type Unit {
    "The unit's id."
    id: ID!
    "Its name; null while the directory's read model does not know it yet."
    name: String
    "When it was registered; null where a task names the unit (the units query gives it)."
    registeredAt: DateTime
  }

  "A unit to register."
  input RegisterUnitInput {
    """
    The id, chosen by the office: letters, digits and _ . : -, starting with a letter or
    digit, at most 64 characters. Absent: generated.
    """
    id: ID
    "The unit's name; 1–100 characters."
    name: String!
${idempotencyKeyField}  }

  "A registered unit: its id, and where the command left the log."
  type RegisterUnitPayload {
    "The unit's id: as given, or generated."
    id: ID!
${commandPositionFields}  }
`;
