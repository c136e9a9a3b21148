import type { Role } from '../../../contracts/actor.ts';
import { commandsOf } from '../../../contracts/catalogue/index.ts';
import type { TaskCommandType } from './commands.ts';

/** What a command needs before its own rules are read. */
export type Requirement = {
  /** Roles that may send it: the catalogue's, and `system` for what the clock records. */
  roles: readonly Role[];
  /** A department head must lead or co-own the task (its own unit's task). */
  unitScope: boolean;
  /**
   * Roles with scope `own_tasks`: one of them acts only on a task whose
   * responsible leader (分管领导) it is, or on a task without one.
   */
  ownTasks: readonly Role[];
  /** Refused once the completion is accepted (办结): the work is closed. */
  open: boolean;
  /** Refused while the task is suspended: no progress, reports or completion. */
  active: boolean;
};

/** The clock's own facts: recorded only by `system`, never sent by a person. */
const clockFacts = {
  RemindMilestoneDueSoon: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  RecordMilestoneOverdue: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  RemindSigning: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  UrgeSigning: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  RecordProgressReportMissed: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  RecordUrgeReplyOverdue: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  RecordNoticeReplyOverdue: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
  RecordTaskLight: {
    roles: ['system'],
    unitScope: false,
    ownTasks: [],
    open: false,
    active: false,
  },
} as const satisfies Record<string, Requirement>;

const declared = new Map<string, Requirement>(
  commandsOf('tasks').map(([, operation]) => [
    operation.command,
    {
      roles: [
        ...(Object.keys(operation.roles) as Role[]),
        ...(operation.byClock ? (['system'] as const) : []),
      ],
      unitScope: operation.unitScope === 'task',
      ownTasks: (Object.keys(operation.roles) as Role[]).filter(
        (role) => operation.roles[role] === 'own_tasks',
      ),
      open: operation.lifecycle?.includes('open') ?? false,
      active: operation.lifecycle?.includes('active') ?? false,
    },
  ]),
);

/**
 * A task command's requirements, read from its declaration in the catalogue. A
 * terminated task refuses every command; this says what else each one needs.
 */
export const requirementOf = (
  type: Exclude<TaskCommandType, 'RegisterTask' | 'RegisterMatter'>,
): Requirement => {
  if (type in clockFacts) return clockFacts[type as keyof typeof clockFacts];
  const requirement = declared.get(type);
  if (!requirement) throw new Error(`task command ${type} has no declaration in the catalogue`);
  return requirement;
};
