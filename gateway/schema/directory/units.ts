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
    "What kind of body it is; null where a task names the unit (the units query gives it)."
    category: UnitCategory
    "The unit it belongs to (a 社区's street, a 科室's department); null at the top, or where a task names the unit."
    parent: Unit
    "The units directly under it; null where a task names the unit (the units query gives it)."
    children: [Unit!]
    "Its path in the tree, the top first, ending with itself; null where a task names the unit."
    path: [Unit!]
  }

  "What kind of body a unit is: units are ranked (督查考核排名) within their kind."
  enum UnitCategory {
    "党群部门: a party or mass-organisation department."
    PARTY
    "政府部门: a government department."
    GOVERNMENT
    "国有企业: a state-owned enterprise."
    ENTERPRISE
    "园区/街道: a park, town or street office."
    AREA
    "督查·纪检机关: the supervising office and the discipline bodies, which are not ranked."
    SUPERVISION
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
    "What kind of body it is. Absent: GOVERNMENT."
    category: UnitCategory
    "The registered unit it belongs to (a street for a 社区, a department for a 科室). Absent: a top-level unit."
    parentUnitId: ID
${idempotencyKeyField}  }

  "A registered unit: its id, and where the command left the log."
  type RegisterUnitPayload {
    "The unit's id: as given, or generated."
    id: ID!
${commandPositionFields}  }
`;
