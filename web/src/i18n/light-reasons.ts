import type { lightsZh } from './lights.ts';

/** A light's reason in words the console has: a message and its parameters. */
export interface ReasonMessage {
  key: keyof typeof lightsZh;
  params: Record<string, string>;
  /** The milestone's own reason, in words too. */
  inner?: ReasonMessage;
  /** A sub-task's light (`red`), for the console to name. */
  light?: string;
}

/**
 * One reason of a light as the judgement words it (`behind 12.5 points`,
 * `overdue since 2021-06-01`, `due in 2 days`, `milestone "X" due today`,
 * `sub-task "X" is red`) as a message of the console's; null for a reason of
 * no known shape, which the console shows as it is. The stored text stays
 * English: this reads it, for display only.
 */
export const lightReasonMessage = (reason: string): ReasonMessage | null => {
  const behind = /^behind (-?[\d.]+) points?$/.exec(reason);
  if (behind) return { key: 'lightReason_behind', params: { points: behind[1] ?? '' } };
  const overdue = /^overdue since (\d{4}-\d{2}-\d{2})$/.exec(reason);
  if (overdue) return { key: 'lightReason_overdue', params: { day: overdue[1] ?? '' } };
  if (reason === 'due today') return { key: 'lightReason_dueToday', params: {} };
  const dueIn = /^due in (\d+) days?$/.exec(reason);
  if (dueIn) return { key: 'lightReason_dueIn', params: { days: dueIn[1] ?? '' } };
  const milestone = /^milestone "(.*)" (.+)$/s.exec(reason);
  if (milestone) {
    const inner = lightReasonMessage(milestone[2] ?? '');
    return inner && { key: 'lightReason_milestone', params: { title: milestone[1] ?? '' }, inner };
  }
  const subTask = /^sub-task "(.*)" is (\w+)$/s.exec(reason);
  if (subTask) {
    return { key: 'lightReason_subTask', params: { title: subTask[1] ?? '' }, light: subTask[2] };
  }
  return null;
};
