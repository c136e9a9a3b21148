/**
 * Runs of fields that more than one type of the schema holds, written once. Each
 * is SDL to place inside a type's braces.
 */

/** The client's name for one attempt of a command: the last field of every command's input. */
export const idempotencyKeyField = /* GraphQL */ `
    """
    Your name for this attempt, 1–128 characters. A retry by the same actor with the
    same key answers as the first attempt did and records nothing more; the key used
    again for another command is refused (VALIDATION). Absent: the gateway names the
    request itself, so sending the request again records it again.
    """
    idempotencyKey: String
`;

/** Where a command left its stream and the whole log: the end of every command's answer. */
export const commandPositionFields = /* GraphQL */ `
    "The stream's revision after the command: revisions count the stream's events from 0."
    revision: Int!
    """
    Global position of the command's last event in the whole log (1, 2, 3…, no gaps).
    A read model or board reflects the command once its own \`position\` reaches this.
    """
    position: Int!
`;

/** The task a board row (a milestone, an indicator) belongs to, its lead unit named. */
export const taskColumnFields = /* GraphQL */ `
    "The task the row belongs to."
    taskId: ID!
    "The task's title."
    taskTitle: String!
    "The task's section of the work report (plan section); null when it has none."
    section: String
    "The task's lead unit (牵头单位) on the board's day; null while it has none (returned, 退回)."
    leadUnitId: ID
    "The lead unit's name; null without a lead unit, or when the directory does not know it."
    leadUnitName: String
    "The task's responsible leader (分管领导) as assigned: an official's id (or a name); null when none."
    responsibleLeader: String
`;

/** What defines an indicator (实效): as the office gives it, and as it is read back. */
export const indicatorDefinitionFields = /* GraphQL */ `
    "What is measured, e.g. 监测断面水质达标率 (water quality of monitored sections); 1–200 characters."
    name: String!
    "The unit the values are in, e.g. \`%\`, \`所\`, \`m²\`; 1–20 characters."
    unitOfMeasure: String!
    "The value to reach, in \`unitOfMeasure\`, between −10¹² and 10¹²."
    target: Float!
    "How a value is held against the target."
    comparison: IndicatorComparison!
    "The day by which the target is to be reached, within the task's planned span."
    dueDate: Date!
    """
    The value at the start, in \`unitOfMeasure\`; null when none was given. Short of
    the target, attainment measures the way from it to the target (\`ResultRow.attainment\`).
    """
    baseline: Float
`;
