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
    Not on a closed task. Roles: DEPARTMENT_HEAD or LIAISON (联络员) of the lead or a
    cooperating unit.
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
    The lead unit asks to give back a task wrongly assigned to it (退回申请), before signing.
    It keeps the lead (and cannot sign) until the office accepts (acceptReturn) or refuses
    (refuseReturn); one request at a time. Not on a closed task. Roles: DEPARTMENT_HEAD of
    the lead unit.
    """
    returnTask(
      "The task and why it is returned."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    The office accepts the open return and gives the lead to another unit (not the one that
    returned it, nor a cooperating unit), which signs for it anew. Roles: OFFICE.
    """
    acceptReturn(
      "The task, its new lead unit and why."
      input: TransferTaskInput!
    ): RevisionPayload!
    "The office refuses the open return: the unit keeps the task. Roles: OFFICE."
    refuseReturn(
      "The task and why the return is refused."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    The office proposes to suspend the task (暂停); the task's responsible leader decides
    (approveLifecycleChange). One proposal at a time; not on a suspended or closed task.
    Roles: OFFICE.
    """
    proposeSuspension(
      "The task and why it should be paused."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    The office proposes to terminate the task (终止); the task's responsible leader decides.
    One proposal at a time; not on a closed task. Roles: OFFICE.
    """
    proposeTermination(
      "The task and why it should end."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    The task's responsible leader (分管领导; any leader where it names none) approves the open
    proposal: the task is suspended from today, or terminated, for the proposal's reason.
    Roles: LEADER.
    """
    approveLifecycleChange(
      "The task and an optional comment."
      input: ApproveLifecycleChangeInput!
    ): RevisionPayload!
    "The task's responsible leader turns the open proposal down; the task runs on. Roles: LEADER."
    rejectLifecycleChange(
      "The task and why the proposal is turned down."
      input: TaskReasonInput!
    ): RevisionPayload!
    """
    The task's responsible leader pauses the task on their own decision (e.g. its funding is
    frozen): its dates stop running, and it takes no progress report, milestone completion,
    completion report or acceptance until resumed. Not while a proposal waits on them, nor on
    a suspended or closed task. Roles: LEADER (the responsible one).
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
    Final: the task takes no more commands and leaves the boards; its history stays. The
    responsible leader's own decision; not while a proposal waits on them, nor on a closed
    task. Roles: LEADER (the responsible one).
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
    "The lead unit returned the task as wrongly assigned (退回), and the office accepted it."
    RETURNED
  }

  "A change of the lead unit: assigned, transferred (with the reason) or returned as wrongly assigned."
  type Handover {
    "Assigned, transferred or returned."
    kind: HandoverKind!
    "The lead unit before; null when there was none."
    fromUnit: Unit
    "The lead unit after; null after a return recorded before returns were ruled on."
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
    "The actor who paused it: the responsible leader, or the office before proposals existed."
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
    "The actor who ended it: the responsible leader, or the office before proposals existed."
    terminatedBy: ID!
  }

  "How the office ruled on a return (退回申请)."
  enum ReturnRuling {
    "Not ruled on yet: the unit keeps the lead."
    PENDING
    "Accepted: the lead went to another unit."
    ACCEPTED
    "Refused: the unit keeps the task."
    REFUSED
  }

  "A return the lead unit asked for, and the office's ruling."
  type ReturnRequest {
    "The unit that asked to give the task back."
    unit: Unit!
    "Why it says the task is not its own."
    reason: String!
    "When it asked."
    requestedAt: DateTime!
    "The department head who asked."
    requestedBy: ID!
    "Pending, accepted or refused."
    ruling: ReturnRuling!
    "The unit given the lead when accepted; null otherwise."
    toUnit: Unit
    "The office's reason; null while pending."
    rulingReason: String
    "When the office ruled; null while pending."
    ruledAt: DateTime
    "The office actor who ruled; null while pending."
    ruledBy: ID
  }

  "What the office may propose to the responsible leader."
  enum LifecycleChange {
    "暂停: pause the task."
    SUSPEND
    "终止: end the task."
    TERMINATE
  }

  "Where a proposal stands."
  enum ProposalDecision {
    "Waiting on the responsible leader."
    PENDING
    "Approved: the task was suspended or terminated."
    APPROVED
    "Turned down: the task runs on."
    REJECTED
  }

  "The office's proposal to suspend or terminate the task, and the responsible leader's decision."
  type LifecycleProposal {
    "Suspend or terminate."
    change: LifecycleChange!
    "The office's reason."
    reason: String!
    "When it was proposed."
    proposedAt: DateTime!
    "The office actor who proposed it."
    proposedBy: ID!
    "Pending, approved or rejected."
    decision: ProposalDecision!
    "The leader's comment or reason; null while pending or when none was given."
    comment: String
    "When the leader decided; null while pending."
    decidedAt: DateTime
    "The official who decided; null while pending."
    decidedBy: ID
  }

  "The leader's approval of the open proposal."
  input ApproveLifecycleChangeInput {
    "The task whose proposal is approved."
    taskId: ID!
    "A comment; up to 2000 characters, or null."
    comment: String
${idempotencyKeyField}  }

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
