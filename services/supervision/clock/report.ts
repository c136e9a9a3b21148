import type { ClockCandidateKind } from './candidates.ts';

/** What one run of the clock did. */
export interface ClockRunReport {
  /** The day (China Standard Time) the run spoke for. */
  day: string;
  /** New facts recorded by this run; a fact an earlier run recorded is not counted. */
  reminded: number;
  overdue: number;
  escalated: number;
  /** Signing reminders (签收提醒) and the clock's 催办 of units still unsigned. */
  signingReminded: number;
  signingUrged: number;
  /** Missed reports (未按期报送), each with its 催办. */
  reportsMissed: number;
  /** 催办 and 督办单 not answered in time, each with the next colour's slip where the rules ask. */
  repliesOverdue: number;
  /** Changes of a task's light (红黄绿灯) recorded. */
  lightsChanged: number;
  /** Scoring periods closed (年度结算): the year before, on the first run of a new year. */
  settled: number;
  /** Candidates the task refused as ILLEGAL_STATE (e.g. terminated since the agenda was read). */
  skipped: number;
  /** Candidates that failed for any other reason; logged, the run went on. */
  failed: number;
}

/** How one candidate ended: its fact recorded now, already true, refused or failed. */
export type CandidateOutcome = 'recorded' | 'unchanged' | 'skipped' | 'failed';

export const emptyReport = (day: string): ClockRunReport => ({
  day,
  reminded: 0,
  overdue: 0,
  escalated: 0,
  signingReminded: 0,
  signingUrged: 0,
  reportsMissed: 0,
  repliesOverdue: 0,
  lightsChanged: 0,
  settled: 0,
  skipped: 0,
  failed: 0,
});

const recordedField = {
  remind: 'reminded',
  overdue: 'overdue',
  escalate: 'escalated',
  'remind-signing': 'signingReminded',
  'urge-signing': 'signingUrged',
  'report-missed': 'reportsMissed',
  'urge-overdue': 'repliesOverdue',
  'notice-overdue': 'repliesOverdue',
  light: 'lightsChanged',
} as const satisfies Record<ClockCandidateKind, keyof ClockRunReport>;

/** The report with one more candidate counted. */
export const tally = (
  report: ClockRunReport,
  kind: ClockCandidateKind,
  outcome: CandidateOutcome,
): ClockRunReport => {
  switch (outcome) {
    case 'recorded': {
      const field = recordedField[kind];
      return { ...report, [field]: report[field] + 1 };
    }
    case 'unchanged':
      return report;
    case 'skipped':
      return { ...report, skipped: report.skipped + 1 };
    case 'failed':
      return { ...report, failed: report.failed + 1 };
    default: {
      const _exhaustive: never = outcome;
      return report;
    }
  }
};
