/** The supervision clock: reminders, overdue milestones and blockage escalations, on demand. */
export const clockTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Runs the supervision clock now, for the current day (China Standard Time): records
    each due-soon reminder, overdue milestone and blockage escalation that is due and
    not yet recorded. Running it again records nothing twice. The clock also runs on its
    own schedule. Roles: OFFICE.
    """
    runClock: ClockRun!
  }

  "What one run of the clock did; the counts are of facts this run recorded."
  type ClockRun {
    "The business day (China Standard Time) the run was for."
    day: Date!
    "Due-soon reminders (提醒) recorded."
    reminded: Int!
    "Milestones recorded overdue."
    overdue: Int!
    "Blockages (堵点) escalated."
    escalated: Int!
    "Scoring periods closed (年度结算): the year before, by the first run of a new year."
    settled: Int!
    "Refused by the task as ILLEGAL_STATE (e.g. terminated meanwhile)."
    skipped: Int!
    "Failed for another reason; logged, the run went on."
    failed: Int!
  }
`;
