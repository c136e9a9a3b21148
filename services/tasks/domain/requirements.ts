import type { Role } from '../../../contracts/actor.ts';
import type { TaskCommandType } from './commands.ts';

/** What a command needs before its own rules are read. */
export type Requirement = {
  /**
   * Roles that may send it, checked here because the decision depends on them;
   * `matrix`: left to the permission table alone (the first commands of the system).
   */
  roles: readonly Role[] | 'matrix';
  /** A department head must lead or co-own the task (its own unit's task). */
  unitScope: boolean;
  /** Refused once the completion is accepted (办结): the work is closed. */
  open: boolean;
  /** Refused while the task is suspended: no progress, reports or completion. */
  active: boolean;
};

type Flag = 'unitScope' | 'open' | 'active';

const needs = (roles: Requirement['roles'], ...flags: Flag[]): Requirement => ({
  roles,
  unitScope: flags.includes('unitScope'),
  open: flags.includes('open'),
  active: flags.includes('active'),
});

const office: readonly Role[] = ['office'];
const head: readonly Role[] = ['department_head'];
const leader: readonly Role[] = ['leader'];
const clock: readonly Role[] = ['system'];

/**
 * Every task command's requirements, in one table. A terminated task refuses
 * every command; this table says what else each one needs. Indicators,
 * instructions, accountability, notices' answers and open blockages stay
 * workable after the task is closed, as results and audits come later.
 */
export const requirements: Record<Exclude<TaskCommandType, 'RegisterTask'>, Requirement> = {
  AssignTask: needs('matrix', 'open'),
  PlanMilestone: needs('matrix', 'open'),
  ReportProgress: needs('matrix', 'unitScope', 'open', 'active'),
  CompleteMilestone: needs('matrix', 'unitScope', 'open', 'active'),
  ReportBlockage: needs('matrix', 'unitScope', 'open'),
  ResolveBlockage: needs('matrix', 'unitScope'),
  SignTask: needs(head, 'unitScope', 'open'),
  TransferTask: needs(office, 'open'),
  ReturnTask: needs(head, 'unitScope', 'open'),
  RequestDeadlineExtension: needs(head, 'unitScope', 'open'),
  ApproveDeadlineExtension: needs(leader, 'open'),
  RejectDeadlineExtension: needs(leader),
  ReopenMilestone: needs(['office', 'leader'], 'open'),
  ReportTaskCompletion: needs(head, 'unitScope', 'open', 'active'),
  AcceptTaskCompletion: needs(office, 'active'),
  RejectTaskCompletion: needs(office),
  SuspendTask: needs(office, 'open', 'active'),
  ResumeTask: needs(office, 'open'),
  TerminateTask: needs(office, 'open'),
  DefineIndicator: needs(office),
  ReportIndicatorValue: needs(['office', 'department_head'], 'unitScope'),
  IssueSupervisionNotice: needs(office, 'open'),
  // The addressed unit answers, even if it no longer leads or co-owns the task.
  AnswerSupervisionNotice: needs(head),
  IssueLeadershipInstruction: needs(leader),
  RecordAccountability: needs(['office', 'inspector']),
  EscalateBlockage: needs(['leader', 'system']),
  AssignBlockageCoordination: needs(leader),
  ReopenBlockage: needs(['office', 'department_head'], 'unitScope', 'open'),
  RemindMilestoneDueSoon: needs(clock),
  RecordMilestoneOverdue: needs(clock),
};
