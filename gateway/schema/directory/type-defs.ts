import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Light thresholds as published and as read back. */
const lightRuleFields = /* GraphQL */ `
    "Yellow when more than this many points behind expected progress (序时进度), 0–100."
    yellowBehindPoints: Float!
    "Red when more than this many points behind, 0–100; above yellowBehindPoints."
    redBehindPoints: Float!
    "Yellow when due within this many days (the due date included) and not done, 0–60."
    yellowDueWithinDays: Int!
`;

/** Escalation delays as published and as read back. */
const escalationRuleFields = /* GraphQL */ `
    """
    Days after it was reported (or reopened) that an open blockage goes to the responsible
    leader (分管领导), 0–60.
    """
    toResponsibleLeaderAfterDays: Int!
    "Days after which it goes to the main leader (主要领导), 0–60; more than toResponsibleLeaderAfterDays."
    toMainLeaderAfterDays: Int!
`;

/** Scoring deductions as published and as read back. */
const scoringRuleFields = /* GraphQL */ `
    """
    Points (−100 to 0) a lead unit (牵头单位) loses for a deadline of its own not done: its
    milestones and the task itself; a deadline met late costs a share by working days late.
    One task costs a unit at most this.
    """
    leadUnitFailedTask: Float!
    "Points (−100 to 0) a cooperating unit (配合单位) loses for a milestone of its own not done."
    cooperatingUnitFailedTask: Float!
    "Points (−100 to 0) each unit loses for each task it returned in a ping-pong (踢皮球)."
    pingPongPerUnit: Float!
    "The most points (−100 to 0) accountability (问责) takes off one unit per period; null: no cap."
    accountabilityDeductionCap: Float
`;

/**
 * The bounds of bonus points (加分), as read back (`!`) or published (absent:
 * the default, as before the fields existed).
 */
const bonusRuleFields = (type: '!' | '') => /* GraphQL */ `
    """
    The most points (0–100) one bonus award (加分) may add; default 5, after local
    督查考评 practice (a leader's 肯定性批示 earns 3 to 5 points). Versions published
    before it existed read the default.
    """
    bonusPerAwardMax: Float${type}
    """
    The most points (0–100) a unit's bonuses add in one period (the year); what is above
    is shown and taken back (BONUS_CAPPED). Default 5 (表彰加分最多为5分). Versions
    published before it existed read the default.
    """
    bonusCapPerPeriod: Float${type}
`;

/**
 * The directory's officials (干部) and posts (任职) over time, and the versioned
 * rules (规则版本) every light and score is computed under.
 */
export const directoryTypeDefs = /* GraphQL */ `
  extend type Query {
    """
    Every official, in the order registered, with every post they held.
    Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    officials: [Official!]!
    """
    Who held the posts of a unit (or only \`post\`) on \`date\`: who was responsible that day.
    Posts in the order of Post, the latest assigned first; NOT_FOUND for an unknown unit.
    Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    postHolders(
      "The unit."
      unitId: ID!
      "The day asked about."
      date: Date!
      "Only this post; absent: every post."
      post: Post
    ): [PostHolder!]!
    """
    The defaults (version 0), then every published version in order.
    Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    rulesets: [Ruleset!]!
    """
    The version in force on \`date\`: what a board of that day is computed under.
    Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    rulesetInForce(
      "The day asked about."
      date: Date!
    ): Ruleset!
    """
    The year's working-day calendar (工作日历) in force: the office's latest, else the one
    shipped (2021, 2026); known false: weekends only. Roles: OFFICE, DEPARTMENT_HEAD,
    LEADER, INSPECTOR.
    """
    workCalendar(
      "The year, 2000–2100."
      year: Int!
    ): WorkCalendar!
  }

  extend type Mutation {
    "Registers an official (干部) in the directory. Roles: OFFICE."
    registerOfficial(
      "The official's name and title."
      input: RegisterOfficialInput!
    ): RegisterOfficialPayload!
    "The official holds the post from \`from\` on (that day included). Roles: OFFICE."
    assignPost(
      "The official, the unit, the post and the first day."
      input: AssignPostInput!
    ): RevisionPayload!
    "The official no longer holds the post from \`on\` on (that day included). Roles: OFFICE."
    vacatePost(
      "The official, the unit, the post and the first day no longer held."
      input: VacatePostInput!
    ): RevisionPayload!
    """
    Publishes a new version of the rules (规则版本): light thresholds, reminder lead time,
    escalation and scoring, in force from a day. Past boards keep the rules of their day.
    Roles: OFFICE.
    """
    publishRuleset(
      "The version and its rules."
      input: PublishRulesetInput!
    ): PublishRulesetPayload!
    """
    Publishes a year's working-day calendar as the State Council's notice sets it: a new
    version of that year's. Answers the calendar's version. Roles: OFFICE.
    """
    publishWorkCalendar(
      "The year, its days off and its weekend days worked."
      input: PublishWorkCalendarInput!
    ): PublishRulesetPayload!
  }

  """
  A year's working-day calendar: any Monday to Friday not in holidays is a working day, and so
  is each day in workdays.
  """
  type WorkCalendar {
    "The year."
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

  "A year's working-day calendar to publish."
  input PublishWorkCalendarInput {
    "The year, 2000–2100."
    year: Int!
    "Days off (放假) of that year, each once, at most 60."
    holidays: [Date!]!
    "Saturdays and Sundays of that year worked (调休上班), each once and not a day off, at most 20."
    workdays: [Date!]!
    "The notice it follows: its title, number and date."
    source: String!
${idempotencyKeyField}  }

  "主要领导, 分管领导, 单位负责人, 联络员."
  enum Post {
    "主要领导: the main leader."
    MAIN_LEADER
    "分管领导: the responsible leader, who answers for the tasks the unit leads."
    RESPONSIBLE_LEADER
    "单位负责人: the head of the unit."
    UNIT_HEAD
    "联络员: a liaison; a unit may have several."
    CONTACT
  }

  "An official (干部) of the directory."
  type Official {
    "The official's id."
    id: ID!
    "The official's name."
    name: String!
    "The official's title, e.g. 副区长."
    title: String!
    "When they were registered."
    registeredAt: DateTime
    "Every post term they held or hold, in the order assigned."
    posts: [PostTerm!]!
  }

  "One term in a post: held from \`from\` until the day before \`vacatedOn\`, or still held."
  type PostTerm {
    "The unit of the post."
    unitId: ID!
    "The post."
    post: Post!
    "The first day held."
    from: Date!
    "The first day no longer held; null while still held."
    vacatedOn: Date
  }

  "Who held a post of a unit on the day asked, and the term that made them hold it."
  type PostHolder {
    "The unit of the post."
    unitId: ID!
    "The post."
    post: Post!
    "The official holding it."
    officialId: ID!
    "The official, with every post term; null when the directory has no such official."
    official: Official
    "The first day of the term."
    from: Date!
    "The first day no longer held; null while still held."
    vacatedOn: Date
  }

  "Light thresholds (红黄绿灯), in points behind expected progress (序时进度)."
  type LightRules {
${lightRuleFields}  }

  "Days an open blockage (堵点) waits before it goes up a level."
  type EscalationRules {
${escalationRuleFields}  }

  "Points (≤ 0) a unit loses per period (督查考核扣分), and the bounds of its bonus points (加分)."
  type ScoringRules {
${scoringRuleFields}${bonusRuleFields('!')}  }

  "A version of the rules every light, reminder, escalation and score is computed under."
  type Ruleset {
    "0: the defaults shipped; then each version published, increasing."
    version: Int!
    "The first day it is in force."
    inForceFrom: Date!
    "When a task or milestone turns yellow or red."
    lights: LightRules!
    "Working days before a due date's limit that the clock reminds (提醒), 0–60."
    reminderLeadDays: Int!
    "When an open blockage is escalated."
    escalation: EscalationRules!
    "What a failed task, ping-pong or accountability costs a unit; how far bonus points go."
    scoring: ScoringRules!
    "A note on the version; null when none."
    note: String
  }

  "An official to register."
  input RegisterOfficialInput {
    "Chosen by the office, or generated."
    id: ID
    "The official's name; 1–100 characters."
    name: String!
    "The official's title, e.g. 副区长; 1–100 characters."
    title: String!
${idempotencyKeyField}  }

  "A post to assign."
  input AssignPostInput {
    "The registered official."
    officialId: ID!
    "The registered unit."
    unitId: ID!
    "The post."
    post: Post!
    "The first day held."
    from: Date!
${idempotencyKeyField}  }

  "A post to vacate."
  input VacatePostInput {
    "The official holding it."
    officialId: ID!
    "The unit of the post."
    unitId: ID!
    "The post."
    post: Post!
    "The first day no longer held."
    on: Date!
${idempotencyKeyField}  }

  "Light thresholds to publish."
  input LightRulesInput {
${lightRuleFields}  }

  "Escalation delays to publish."
  input EscalationRulesInput {
${escalationRuleFields}  }

  "Scoring deductions and bonus bounds to publish."
  input ScoringRulesInput {
${scoringRuleFields}${bonusRuleFields('')}  }

  "A version of the rules to publish."
  input PublishRulesetInput {
    "Greater than every version published before; 1–1000000."
    version: Int!
    "Not before the day the latest version took effect."
    inForceFrom: Date!
    "When a task or milestone turns yellow or red."
    lights: LightRulesInput!
    "Working days before a due date's limit that the clock reminds (提醒), 0–60."
    reminderLeadDays: Int!
    "When an open blockage is escalated."
    escalation: EscalationRulesInput!
    "What a failed task, ping-pong or accountability costs a unit; how far bonus points go."
    scoring: ScoringRulesInput!
    "A note on the version; at most 2000 characters."
    note: String
${idempotencyKeyField}  }

  "A registered official: the id, and where the command left the log."
  type RegisterOfficialPayload {
    "The official's id: as given, or generated."
    id: ID!
${commandPositionFields}  }

  "A published version: of the rules, or of a year's working-day calendar."
  type PublishRulesetPayload {
    "The version published."
    version: Int!
${commandPositionFields}  }
`;
