import { idempotencyKeyField } from '../shared-fields.ts';

/**
 * Who holds the task and whether it runs: signing (签收), transfer and return of
 * the lead, suspension, resumption and termination.
 */
export const lifecycleTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    签收: a department head signs for the task in the name of its unit, the lead unit or
    a cooperating unit, once per assignment (a re-assignment or transfer asks again).
    Not on a closed task. Roles: DEPARTMENT_HEAD of the lead or a cooperating unit.
    """
    signTask(
      "The task to sign for."
      input: SignTaskInput!
    ): RevisionPayload!
    """
    The office moves the lead to another unit, with the reason: from the current lead
    unit, or from none after a return. To make a cooperating unit lead, re-assign the task
    (assignTask) instead. Not on a closed task. Roles: OFFICE.
    """
    transferTask(
      "The task, its new lead unit and why."
      input: TransferTaskInput!
    ): RevisionPayload!
    """
    The lead unit returns a task wrongly assigned to it (退回), before signing; the task
    then has no lead unit until the office assigns or transfers it. Not on a closed task.
    Roles: DEPARTMENT_HEAD of the lead unit.
    """
    returnTask(
      "The task and why it is returned."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    Pauses the task (e.g. its funding is frozen): its dates stop running, and it takes no
    progress report, milestone completion, completion report or acceptance until resumed.
    Not on a suspended or closed task. Roles: OFFICE.
    """
    suspendTask(
      "The task and why it is paused."
      input: TaskReasonInput!
    ): RevisionPayload!
    "Resumes a suspended task. Not on a closed task. Roles: OFFICE."
    resumeTask(
      "The task and why it resumes."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    Final: the task takes no more commands and leaves the boards; its history stays.
    Not on a closed task. Roles: OFFICE.
    """
    terminateTask(
      "The task and why it ends."
      input: TaskReasonInput!
    ): RevisionPayload!
  }

  "签收 of a unit; current while the assignment it signed for holds."
  type Signature {
    "The unit that signed: the lead unit or a cooperating unit."
    unit: Unit!
    "When it signed."
    signedAt: DateTime!
    "The department head who signed."
    signedBy: ID!
    "True while the assignment it signed for holds; false after a re-assignment, transfer or return."
    current: Boolean!
  }

  "How the lead unit changed."
  enum HandoverKind {
    "The office assigned (or re-assigned) the task."
    ASSIGNED
    "The office moved the lead to another unit."
    TRANSFERRED
    "The lead unit returned the task as wrongly assigned (退回)."
    RETURNED
  }

  "A change of the lead unit: assigned, transferred (with the reason) or returned as wrongly assigned."
  type Handover {
    "Assigned, transferred or returned."
    kind: HandoverKind!
    "The lead unit before; null when there was none."
    fromUnit: Unit
    "The lead unit after; null after a return."
    toUnit: Unit
    "Why; null for an assignment."
    reason: String
    "When it happened."
    at: DateTime!
    "The actor who made the change."
    by: ID!
  }

  "A pause of the task; resumeReason, resumedAt and resumedBy stay null while it lasts."
  type Suspension {
    "Why the task was paused."
    reason: String!
    "When it was paused."
    suspendedAt: DateTime!
    "The office actor who paused it."
    suspendedBy: ID!
    "Why it resumed; null while suspended."
    resumeReason: String
    "When it resumed; null while suspended."
    resumedAt: DateTime
    "The office actor who resumed it; null while suspended."
    resumedBy: ID
    """
    The working days the resumption moved the task's open due dates on (the pause's working
    days); null while suspended, or when no open date had reached the pause.
    """
    workingDaysShifted: Int
  }

  "The end of a task before its work was done."
  type Termination {
    "Why the task was ended."
    reason: String!
    "When it was ended."
    terminatedAt: DateTime!
    "The office actor who ended it."
    terminatedBy: ID!
  }

  "A task to sign for (签收)."
  input SignTaskInput {
    "The task; the signing unit is the caller's."
    taskId: ID!
${idempotencyKeyField}  }

  "A task to move to another lead unit."
  input TransferTaskInput {
    "The task; it must have been assigned."
    taskId: ID!
    "The new lead unit: registered, neither the current lead unit nor a cooperating unit."
    toUnitId: ID!
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "A command on a task that only needs the reason for it."
  input TaskReasonInput {
    "The task."
    taskId: ID!
    "Why; 1–2000 characters. Kept in the task's history."
    reason: String!
${idempotencyKeyField}  }
`;
