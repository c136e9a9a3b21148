import type { PlanTask } from './plan-schema.ts';

/**
 * How a task goes in the demo year. Chosen by the task's key so the year is the
 * same on every run, and so every light, every escalation and every kind of
 * supervision record appears somewhere.
 */
export type Profile =
  | 'steady'
  | 'late'
  | 'blocked'
  | 'extension_granted'
  | 'extension_refused'
  | 'ping_pong'
  | 'completion_rejected'
  | 'stalled';

const chosen: Record<string, Profile> = {
  'new-schools': 'blocked',
  'open-schools': 'steady',
  'grid-management': 'extension_granted',
  'soe-reform': 'extension_refused',
  'enterprise-platform': 'ping_pong',
  'business-environment': 'completion_rejected',
  'garbage-sorting': 'late',
  'low-carbon': 'late',
  'investment-shift': 'late',
  hospitals: 'stalled',
  ideology: 'stalled',
};

export const profileOf = (task: PlanTask): Profile => chosen[task.key] ?? 'steady';

/** Share of the planned pace a profile keeps: 1 is on schedule. */
export const paceOf = (profile: Profile): number => {
  switch (profile) {
    case 'late':
    case 'extension_refused':
      return 0.7;
    case 'stalled':
      return 0.45;
    case 'blocked':
      return 0.85;
    default:
      return 1.05;
  }
};

/** Days after a milestone's due date it is completed (negative: before). */
export const completionOffset = (profile: Profile, milestoneIndex: number): number | null => {
  switch (profile) {
    case 'late':
      return 12 + milestoneIndex * 4;
    case 'extension_refused':
      return 20;
    case 'stalled':
      return null;
    case 'blocked':
      return milestoneIndex === 0 ? 15 : -2;
    default:
      return -2;
  }
};
