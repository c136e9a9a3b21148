/**
 * Runs of fields that more than one type of the schema holds, written once. Each
 * is SDL to place inside a type's braces.
 */

/** The task a board row (a milestone, an indicator) belongs to, its lead unit named. */
export const taskColumnFields = /* GraphQL */ `
    taskId: ID!
    taskTitle: String!
    section: String
    leadUnitId: ID
    leadUnitName: String
`;

/** What defines an indicator (实效): as the office gives it, and as it is read back. */
export const indicatorDefinitionFields = /* GraphQL */ `
    name: String!
    unitOfMeasure: String!
    target: Float!
    comparison: IndicatorComparison!
    dueDate: Date!
    baseline: Float
`;
