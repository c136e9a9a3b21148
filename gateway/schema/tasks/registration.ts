import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/**
 * Registering a task and assigning its lead unit. Opens the Mutation root, which
 * every other area extends.
 */
export const registrationTypeDefs = /* GraphQL */ `
  """
  Commands. Each records facts (events) that are never changed or deleted afterwards
  (留痕) and answers where it left the stream and the log. Each field names the roles
  that may call it (others get FORBIDDEN). A department head acts for its own unit
  only: on a task, as its lead unit (牵头单位) or a cooperating unit (配合单位) unless
  the field says otherwise. Every command on a task answers NOT_FOUND for an unknown
  task and ILLEGAL_STATE once the task is terminated; a closed task (办结) and a
  suspended one refuse what their fields say.
  """
  type Mutation {
    """
    Registers a task from one sentence of the work report (the plan), in the state
    REGISTERED. Roles: OFFICE.
    """
    registerTask(
      "The task as the plan gives it."
      input: RegisterTaskInput!
    ): RegisterTaskPayload!
    """
    Assigns (or re-assigns) the lead unit (牵头单位), the cooperating units (配合单位)
    and the responsible leader; each assignment is to be signed for (签收) anew.
    Not on a closed task. Roles: OFFICE.
    """
    assignTask(
      "The task and its units."
      input: AssignTaskInput!
    ): RevisionPayload!
  }

  "A task as the plan gives it: what, where in the plan, and its planned span."
  input RegisterTaskInput {
    "What is to be done, as the plan says it; 1–200 characters."
    title: String!
    "More detail; at most 4000 characters. Blank or absent: none."
    description: String
    """
    The section of the work report the task comes from (plan section); at most 200
    characters. Boards group and filter on it. Blank or absent: none.
    """
    section: String
    "The first day of the planned span: expected progress (序时进度) runs from this day."
    plannedStart: Date!
    "The task's due date: the last day of its planned span, not before plannedStart."
    dueDate: Date!
    """
    The dates the plan assumed (假定) because the work report does not state them:
    PLANNED_START, DUE_DATE, each once. Absent: none.
    """
    assumed: [TaskAssumption!]
${idempotencyKeyField}  }

  "The units that answer for a task, and its responsible leader."
  input AssignTaskInput {
    "The task to assign."
    taskId: ID!
    "The lead unit (牵头单位): answers for the whole task. Must be a registered unit."
    leadUnitId: ID!
    """
    The cooperating units (配合单位), at most 20, each registered, named once and not
    the lead unit. Absent: none. Replaces the earlier list.
    """
    cooperatingUnitIds: [ID!]
    """
    The responsible leader (分管领导): an official's id from the directory (as the
    console reads it) or a name; free text of at most 100 characters. Blank or absent:
    none. The boards' officials come from the directory's posts, not from this.
    """
    responsibleLeader: String
    """
    Who answers for the task, where the plan assumed it (假定: the work report names no
    unit): LEAD_UNIT, COOPERATING_UNITS, RESPONSIBLE_LEADER, each once. Absent: none.
    Replaces the earlier assignment's.
    """
    assumed: [TaskAssumption!]
${idempotencyKeyField}  }

  """
  A value of a task that the plan took as an assumption (假定): the work report it comes
  from does not state it.
  """
  enum TaskAssumption {
    "The first day of the planned span."
    PLANNED_START
    "The task's due date."
    DUE_DATE
    "The lead unit (牵头单位)."
    LEAD_UNIT
    "The cooperating units (配合单位)."
    COOPERATING_UNITS
    "The responsible leader (分管领导)."
    RESPONSIBLE_LEADER
    "A matter's whole intake (事项来源), e.g. in a demonstration."
    SOURCE
  }

  "A registered task: its id, and where the registration left the log."
  type RegisterTaskPayload {
    "The new task's id: pass it as \`taskId\` to every later command on the task."
    id: ID!
${commandPositionFields}  }
`;
