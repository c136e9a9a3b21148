import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/**
 * 分解交办: the lead unit splits its task into sub-tasks for its sub-units; the
 * task page shows the tree of tasks and the progress rolled up.
 */
export const splittingTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    分解交办: the lead unit splits part of its task into sub-tasks, one per sub-unit
    (a street's 社区, a department's 科室). Each sub-task is a task of its own, assigned
    to its sub-unit, which signs and reports on it as any lead unit does; its progress
    rolls up into this task's with the weight given. VALIDATION for a unit not below
    the lead unit in the tree. Not on a closed or suspended task. Roles: OFFICE,
    DEPARTMENT_HEAD (of the lead unit only).
    """
    splitTask(
      "The task and its sub-tasks."
      input: SplitTaskInput!
    ): SplitTaskPayload!
  }

  "A split to record."
  input SplitTaskInput {
    "The task to split; it must have a lead unit."
    taskId: ID!
    "The sub-tasks, 1–50, each for a different sub-unit."
    subTasks: [SubTaskInput!]!
${idempotencyKeyField}  }

  "One sub-task to create."
  input SubTaskInput {
    "A unit below the task's lead unit in the tree."
    unitId: ID!
    "What the sub-unit is to do; 1–200 characters."
    title: String!
    "Its due date: from today to the task's own due date."
    dueDate: Date!
    "Its share of the task's progress, as a milestone's weight, above 0 and at most 100. Absent: 1."
    weight: Float
  }

  "A recorded split: its id, and where the command left the parent's stream."
  type SplitTaskPayload {
    "The split's id, unique within its task; the sub-tasks' ids are derived from it."
    splitId: ID!
${commandPositionFields}  }

  "A sub-task split from a task (分解交办), as its parent's page lists it."
  type SubTask {
    "The sub-task's id: a task of its own."
    taskId: ID!
    "What the sub-unit is to do."
    title: String!
    "The sub-unit it was given to."
    unit: Unit!
    "Its share of the parent's progress."
    weight: Float!
    "Its due date as split."
    dueDate: Date!
    "When it was split."
    splitAt: DateTime!
    "Who split it: an actor id."
    splitBy: ID!
    "Its progress, 0–100, with its own sub-tasks rolled up."
    progress: Float!
    "Where it stands; null while its page is not read yet."
    status: TaskStatus
  }

  "The task a sub-task was split from."
  type ParentTask {
    "The parent task's id."
    id: ID!
    "Its title."
    title: String!
  }

  extend type Task {
    "The task this one was split from (分解交办); null for a task of its own."
    parentTask: ParentTask
    "The sub-tasks split from it, oldest split first."
    subTasks: [SubTask!]!
    """
    Progress with the sub-tasks rolled up, 0–100: each sub-task weighs as one more
    milestone of the weight the split gave it. progress is the task's own milestones'.
    """
    rolledUpProgress: Float!
  }

  extend type TaskSummary {
    "The task it was split from; null for a task of its own."
    parentTaskId: ID
    "Progress with the sub-tasks rolled up, as Task.rolledUpProgress."
    rolledUpProgress: Float!
  }

  extend input TaskFilter {
    "Only tasks led by this unit or one below it in the tree (a street and its 社区)."
    unitSubtree: ID
  }
`;
