/**
 * The task's lights (红黄绿灯) as the clock recorded them: each change once, on
 * the working day it was judged, with its reasons and the ruleset in force.
 */
export const lightTypeDefs = /* GraphQL */ `
  "A change of a task's light (红黄绿灯), recorded by the clock (TaskLightChanged)."
  type TaskLightChange {
    "The working day judged: the light is the one of its end."
    day: Date!
    "The light last recorded before; GREEN for a task never recorded."
    from: BoardLight!
    "The light judged for the day."
    to: BoardLight!
    "The judgement's findings that are not green (behind, due soon, overdue), as the boards give them."
    reasons: [String!]!
    "Actual progress, 0–100."
    actual: Float!
    "Expected progress (序时进度), 0–100."
    expected: Float!
    "The version of the ruleset in force on the day."
    rulesetVersion: Int!
    "When the clock recorded it."
    recordedAt: DateTime!
  }

  extend type Task {
    """
    Changes of its light the clock recorded, oldest first: a task's recorded light on a
    working day is the last change on or before it, GREEN before any.
    """
    lightChanges: [TaskLightChange!]!
  }
`;
