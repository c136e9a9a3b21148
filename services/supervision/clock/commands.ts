import type { Actor } from '../../../contracts/actor.ts';
import type { TaskCommand } from '../../tasks/domain/commands.ts';
import type { ClockCandidate } from './candidates.ts';

/** Who the clock's facts are recorded as (DESIGN §2: the system clock). */
export const clockActor: Actor = Object.freeze({ id: 'clock', role: 'system' });

/** The task command a candidate asks for. */
export const clockCommand = (candidate: ClockCandidate): TaskCommand => {
  switch (candidate.kind) {
    case 'remind': {
      const { taskId, milestoneId, leadDays, limitDate } = candidate;
      return { type: 'RemindMilestoneDueSoon', data: { taskId, milestoneId, leadDays, limitDate } };
    }
    case 'overdue': {
      const { taskId, milestoneId, limitDate } = candidate;
      return { type: 'RecordMilestoneOverdue', data: { taskId, milestoneId, limitDate } };
    }
    case 'escalate': {
      const { taskId, blockageId, level } = candidate;
      return { type: 'EscalateBlockage', data: { taskId, blockageId, level } };
    }
    case 'remind-signing': {
      const { taskId, unitId, assignedOn, limitDate } = candidate;
      return { type: 'RemindSigning', data: { taskId, unitId, assignedOn, limitDate } };
    }
    case 'urge-signing': {
      const { kind: _, ...data } = candidate;
      return { type: 'UrgeSigning', data };
    }
    case 'report-missed': {
      const { kind: _, ...data } = candidate;
      return { type: 'RecordProgressReportMissed', data };
    }
    case 'urge-overdue': {
      const { kind: _, ...data } = candidate;
      return { type: 'RecordUrgeReplyOverdue', data };
    }
    case 'notice-overdue': {
      const { kind: _, ...data } = candidate;
      return { type: 'RecordNoticeReplyOverdue', data };
    }
    case 'light': {
      const { taskId, light, reasons, actual, expected, rulesetVersion } = candidate;
      return {
        type: 'RecordTaskLight',
        data: { taskId, light, reasons, actual, expected, rulesetVersion },
      };
    }
    default: {
      const _exhaustive: never = candidate;
      throw new Error(`unknown clock candidate ${JSON.stringify(_exhaustive)}`);
    }
  }
};

/**
 * The idempotency key of a candidate: the fact it records, not the day it runs,
 * so every run, on any node and after any restart, names the same fact the same
 * way and a repeated one appends nothing (its event ids are derived from it).
 */
export const clockKey = (candidate: ClockCandidate): string => {
  switch (candidate.kind) {
    case 'remind':
    case 'overdue':
      return `clock|${candidate.kind}|${candidate.taskId}|${candidate.milestoneId}|${candidate.dueDate}`;
    case 'escalate':
      return `clock|escalate|${candidate.taskId}|${candidate.blockageId}|${candidate.level}`;
    case 'remind-signing':
    case 'urge-signing':
      return `clock|${candidate.kind}|${candidate.taskId}|${candidate.unitId}|${candidate.assignedOn}`;
    case 'report-missed':
      return `clock|report-missed|${candidate.taskId}|${candidate.periodEnd}`;
    case 'urge-overdue':
      return `clock|urge-overdue|${candidate.taskId}|${candidate.urgeId}`;
    case 'notice-overdue':
      return `clock|notice-overdue|${candidate.taskId}|${candidate.noticeId}`;
    // One change at most per task and day: a second run, on any node, replays the first.
    case 'light':
      return `clock|light|${candidate.taskId}|${candidate.day}`;
    default: {
      const _exhaustive: never = candidate;
      throw new Error(`unknown clock candidate ${JSON.stringify(_exhaustive)}`);
    }
  }
};
