/**
 * What the boards' SDL repeats, written once: the arguments every board takes,
 * the fields every board answers with, and their pages and edges. Each is SDL
 * to place inside the braces or parentheses it names.
 */

/** Who may read a board: every person, whatever the role. */
export const boardReaders = 'Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.';

/** The day every board takes. */
export const asOfArgument = /* GraphQL */ `
      """
      The day: the board as known at the end of it (China Standard Time), rebuilt from
      the events recorded by then; not after today. Absent: today.
      """
      asOf: Date
`;

/** The page every board and itemised list takes. */
export const pageArguments = /* GraphQL */ `
      "How many rows per page, 1–200."
      first: Int = 50
      "The endCursor of the page before, asked the same way; absent: from the start."
      after: String
`;

/** What every board answers with besides its rows: which day, rules and log position. */
export const boardStampFields = /* GraphQL */ `
    "The day the board is for, as known at its end (China Standard Time)."
    day: Date!
    "The version of the rules in force on that day, which lights and scores follow."
    rulesetVersion: Int!
    "The last global log position the board reflects."
    position: Int!
`;

/** The scoring period of the boards that score. */
export const periodField = /* GraphQL */ `
    "The scoring period: the year to date, e.g. \`2021\`."
    period: String!
`;

/** A page of rows of `node`, each with its cursor in an edge of `edge`. */
export const pageFields = (edge: string, node: string) => /* GraphQL */ `
    "The page's rows, each with its cursor."
    edges: [${edge}!]!
    "The edges' nodes, for clients that need no cursor per row."
    nodes: [${node}!]!
    "Rows matching the filters, over all pages."
    totalCount: Int!
    "Where the page stands."
    pageInfo: PageInfo!
`;

/** The edge of a board's row: a keyset cursor. */
export const rowEdgeFields = (node: string) => /* GraphQL */ `
    """
    Opaque keyset cursor: the row's value of the order's field, and its id. Pass it as
    \`after\` with the same orderBy; a row added or gone before it shifts no page.
    """
    cursor: String!
    "The row."
    node: ${node}!
`;

/** The edge of an item of a row's itemised list: a cursor of that list. */
export const itemEdgeFields = (node: string) => /* GraphQL */ `
    """
    Opaque cursor naming the item by its place and id in this list: pass it as \`after\`
    for the same unit or official only.
    """
    cursor: String!
    "The item."
    node: ${node}!
`;

/** An order's direction, the same on every board. */
export const orderDirectionField = /* GraphQL */ `
    "ASC unless given."
    direction: OrderDirection = ASC
`;

/** What a unit or an official answers for, over `tasks` (the tasks it leads, or they answer for). */
export const responsibilityStatFields = (tasks: string) => /* GraphQL */ `
    "Milestones of ${tasks} completed."
    milestonesCompleted: Int!
    "Milestones of ${tasks} completed by their due date."
    milestonesOnTime: Int!
    "Milestones completed by their due date / completed, in percent; null before any."
    onTimeRate: Float
    "Open milestones of ${tasks} past their due date, those of suspended tasks aside."
    overdueMilestones: Int!
`;
