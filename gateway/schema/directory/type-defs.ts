/**
 * The directory's officials (干部) and posts (任职) over time, and the versioned
 * rules (规则版本) every light and score is computed under.
 */
export const directoryTypeDefs = /* GraphQL */ `
  extend type Query {
    "Every official, in the order registered, with every post they held."
    officials: [Official!]!
    "Who held the posts of a unit (or only \`post\`) on \`date\`: who was responsible that day."
    postHolders(unitId: ID!, date: Date!, post: Post): [PostHolder!]!
    "The defaults (version 0), then every published version in order."
    rulesets: [Ruleset!]!
    "The version in force on \`date\`: what a board of that day is computed under."
    rulesetInForce(date: Date!): Ruleset!
    "The year's working-day calendar (工作日历) in force: the office's latest, else the one shipped (2021, 2026); known false: weekends only."
    workCalendar(year: Int!): WorkCalendar!
  }

  extend type Mutation {
    registerOfficial(input: RegisterOfficialInput!): RegisterOfficialPayload!
    "The official holds the post from \`from\` on (that day included)."
    assignPost(input: AssignPostInput!): RevisionPayload!
    "The official no longer holds the post from \`on\` on (that day included)."
    vacatePost(input: VacatePostInput!): RevisionPayload!
    publishRuleset(input: PublishRulesetInput!): PublishRulesetPayload!
    "Publishes a year's working-day calendar as the State Council's notice sets it: a new version of that year's."
    publishWorkCalendar(input: PublishWorkCalendarInput!): PublishRulesetPayload!
  }

  "A year's working-day calendar: any Monday to Friday not in holidays is a working day, and so is each day in workdays."
  type WorkCalendar {
    year: Int!
    "Days off (放假)."
    holidays: [Date!]!
    "Saturdays and Sundays worked (调休上班)."
    workdays: [Date!]!
    "The notice it follows; null when the year has no calendar."
    source: String
    "0: shipped with the system; 1 and up: published by the office; null: none."
    version: Int
    "Whether the year has a calendar at all."
    known: Boolean!
  }

  input PublishWorkCalendarInput {
    year: Int!
    holidays: [Date!]!
    workdays: [Date!]!
    "The notice it follows: its title, number and date."
    source: String!
    idempotencyKey: String
  }

  "主要领导, 分管领导, 单位负责人, 联络员."
  enum Post {
    main_leader
    responsible_leader
    unit_head
    contact
  }

  type Official {
    id: ID!
    name: String!
    title: String!
    registeredAt: DateTime
    posts: [PostTerm!]!
  }

  "One term in a post: held from \`from\` until the day before \`vacatedOn\`, or still held."
  type PostTerm {
    unitId: ID!
    post: Post!
    from: Date!
    vacatedOn: Date
  }

  type PostHolder {
    unitId: ID!
    post: Post!
    officialId: ID!
    official: Official
    from: Date!
    vacatedOn: Date
  }

  "Light thresholds (红黄绿灯), in points behind expected progress (序时进度)."
  type LightRules {
    yellowBehindPoints: Float!
    redBehindPoints: Float!
    yellowDueWithinDays: Int!
  }

  "Days an open blockage (堵点) waits before it goes up a level."
  type EscalationRules {
    toResponsibleLeaderAfterDays: Int!
    toMainLeaderAfterDays: Int!
  }

  "Points (≤ 0) a unit loses per period (亮赛比)."
  type ScoringRules {
    leadUnitFailedTask: Float!
    cooperatingUnitFailedTask: Float!
    pingPongPerUnit: Float!
    accountabilityDeductionCap: Float
  }

  type Ruleset {
    version: Int!
    inForceFrom: Date!
    lights: LightRules!
    reminderLeadDays: Int!
    escalation: EscalationRules!
    scoring: ScoringRules!
    note: String
  }

  input RegisterOfficialInput {
    "Chosen by the office, or generated."
    id: ID
    name: String!
    title: String!
    idempotencyKey: String
  }

  input AssignPostInput {
    officialId: ID!
    unitId: ID!
    post: Post!
    from: Date!
    idempotencyKey: String
  }

  input VacatePostInput {
    officialId: ID!
    unitId: ID!
    post: Post!
    on: Date!
    idempotencyKey: String
  }

  input LightRulesInput {
    yellowBehindPoints: Float!
    redBehindPoints: Float!
    yellowDueWithinDays: Int!
  }

  input EscalationRulesInput {
    toResponsibleLeaderAfterDays: Int!
    toMainLeaderAfterDays: Int!
  }

  input ScoringRulesInput {
    leadUnitFailedTask: Float!
    cooperatingUnitFailedTask: Float!
    pingPongPerUnit: Float!
    accountabilityDeductionCap: Float
  }

  input PublishRulesetInput {
    "Greater than every version published before."
    version: Int!
    "Not before the day the latest version took effect."
    inForceFrom: Date!
    lights: LightRulesInput!
    reminderLeadDays: Int!
    escalation: EscalationRulesInput!
    scoring: ScoringRulesInput!
    note: String
    idempotencyKey: String
  }

  type RegisterOfficialPayload {
    id: ID!
    revision: Int!
    position: Int!
  }

  type PublishRulesetPayload {
    version: Int!
    revision: Int!
    position: Int!
  }
`;
