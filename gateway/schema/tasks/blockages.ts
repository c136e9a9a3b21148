import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Blockages (堵点): reported, escalated, given a coordinator, resolved and reopened. */
export const blockageTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Reports a blockage (堵点) holding the task up, naming the unit it waits on if any.
    Not on a closed task. Roles: OFFICE; DEPARTMENT_HEAD of the lead or a cooperating
    unit (its unit is then the one held up).
    """
    reportBlockage(
      "What blocks the task and whom it waits on."
      input: ReportBlockageInput!
    ): ReportBlockagePayload!
    """
    Resolves an open blockage, saying how. Roles: OFFICE, LEADER; DEPARTMENT_HEAD of the
    unit that reported it (the unit waited on declares its part done instead).
    """
    resolveBlockage(
      "The blockage and how it was resolved."
      input: ResolveBlockageInput!
    ): RevisionPayload!
    """
    Escalates an open blockage to the responsible leader (分管领导, level 1) or the main
    leader (主要领导, level 2); the level only goes up, a leader may go straight to 2. The
    clock also escalates, by the ruleset's days. Roles: LEADER.
    """
    escalateBlockage(
      "The blockage and the level to raise it to."
      input: EscalateBlockageInput!
    ): RevisionPayload!
    "Names the unit that coordinates an open blockage; a later assignment replaces it. Roles: LEADER."
    assignBlockageCoordination(
      "The blockage and its coordinating unit."
      input: AssignBlockageCoordinationInput!
    ): RevisionPayload!
    """
    Opens a resolved blockage again: it was not solved after all. Not on a closed task.
    Roles: OFFICE; DEPARTMENT_HEAD of the unit that reported it.
    """
    reopenBlockage(
      "The blockage and why it is reopened."
      input: ReopenBlockageInput!
    ): RevisionPayload!
    """
    The unit a blockage waits on declares its part done; the unit held up then resolves
    it. Not on a closed task. Roles: DEPARTMENT_HEAD of the unit waited on, even one that
    neither leads nor cooperates on the task.
    """
    declareBlockagePartDone(
      "The blockage and what the unit did."
      input: DeclareBlockagePartDoneInput!
    ): RevisionPayload!
  }

  "Whether a blockage still holds the task up."
  enum BlockageStatus {
    "Reported (or reopened) and not resolved."
    OPEN
    "Resolved; it may be reopened."
    RESOLVED
  }

  "A blockage (堵点) holding a task up, as the task's page shows it."
  type Blockage {
    "The blockage's id, unique within its task."
    id: ID!
    "What blocks the task."
    description: String!
    "The unit the task waits on; null when none was named."
    waitingOnUnitId: ID
    "Open or resolved."
    status: BlockageStatus!
    "When it was reported."
    reportedAt: DateTime
    "When it was resolved; null while open (a reopening clears it)."
    resolvedAt: DateTime
    "How it was resolved; null while open."
    resolution: String
    "The unit the task waits on, named; null when none was named."
    waitingOnUnit: Unit
    """
    The unit held up, which reported it; null when the office reported it (the lead unit is then
    the one held up).
    """
    reportedByUnit: Unit
    "The actor who reported it."
    reportedBy: ID
    "0 until escalated; 1: to the responsible leader; 2: to the main leader."
    escalationLevel: Int!
    "Each escalation, oldest first."
    escalations: [BlockageEscalation!]!
    "The unit a leader named to coordinate it; null before any."
    coordinatorUnit: Unit
    "The leader's note to the coordinating unit; null when none was given."
    coordinationNote: String
    "When the current coordinating unit was named; null before any."
    coordinationAssignedAt: DateTime
    "Each time it was reopened, oldest first."
    reopenings: [BlockageReopening!]!
    "The latest declaration by the unit waited on that its part is done; null: none."
    partDone: BlockagePartDone
  }

  "The unit a blockage waits on declared its part done."
  type BlockagePartDone {
    "The unit that declared it: the one waited on."
    unit: Unit!
    "What the unit did for its part."
    note: String!
    "When it was declared."
    declaredAt: DateTime!
    "The department head who declared it."
    declaredBy: ID!
  }

  "One escalation of a blockage."
  type BlockageEscalation {
    "1: to the responsible leader; 2: to the main leader."
    level: Int!
    "SYSTEM: the clock, unresolved too long by the ruleset; LEADER: a leader raised it."
    escalatedByRole: Role!
    "When it was escalated."
    escalatedAt: DateTime!
    "The actor who escalated it: a leader's id, or \`clock\`."
    escalatedBy: ID!
  }

  "A resolved blockage opened again."
  type BlockageReopening {
    "Why it was reopened."
    reason: String!
    "The resolution it had before it was reopened."
    previousResolution: String
    "When it was reopened."
    reopenedAt: DateTime!
    "The actor who reopened it."
    reopenedBy: ID!
  }

  "A blockage to report."
  input ReportBlockageInput {
    "The task held up."
    taskId: ID!
    "What blocks the task; 1–4000 characters."
    description: String!
    "The registered unit the task waits on; absent: none named."
    waitingOnUnitId: ID
${idempotencyKeyField}  }

  "A blockage to resolve."
  input ResolveBlockageInput {
    "The task the blockage belongs to."
    taskId: ID!
    "The open blockage."
    blockageId: ID!
    "How it was resolved; 1–2000 characters."
    resolution: String!
${idempotencyKeyField}  }

  "A blockage to escalate."
  input EscalateBlockageInput {
    "The task the blockage belongs to."
    taskId: ID!
    "The open blockage."
    blockageId: ID!
    "1: to the responsible leader (分管领导); 2: to the main leader (主要领导)."
    level: Int!
${idempotencyKeyField}  }

  "A coordinating unit for a blockage."
  input AssignBlockageCoordinationInput {
    "The task the blockage belongs to."
    taskId: ID!
    "The open blockage."
    blockageId: ID!
    "The registered unit that coordinates it."
    coordinatorUnitId: ID!
    "What the coordinating unit is to do; at most 2000 characters."
    note: String
${idempotencyKeyField}  }

  "A unit's part of a blockage, declared done."
  input DeclareBlockagePartDoneInput {
    "The task the blockage belongs to."
    taskId: ID!
    "The open blockage waiting on the caller's unit."
    blockageId: ID!
    "What the unit did for its part; 1–2000 characters."
    note: String!
${idempotencyKeyField}  }

  "A blockage to open again."
  input ReopenBlockageInput {
    "The task the blockage belongs to."
    taskId: ID!
    "The resolved blockage."
    blockageId: ID!
    "Why it is not solved after all; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "A reported blockage: its id, and where the command left the log."
  type ReportBlockagePayload {
    "The new blockage's id, unique within its task."
    blockageId: ID!
${commandPositionFields}  }
`;
