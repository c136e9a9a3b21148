import type { Ruleset } from '../../../contracts/events/index.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import { taskLight } from '../../../domain/judgement/index.ts';
import { litTaskOf } from '../../../projections/clock-agenda/light.ts';
import type { ClockAgendaItem } from '../../../projections/clock-agenda/projection.ts';
import type { ClockCandidate } from './candidates.ts';

/**
 * The task's light for the end of `day` (a working day), judged as the boards
 * judge it (`taskLight`, the same calendars and ruleset), when it differs from
 * the light last recorded (green before any): a change to record. Nothing
 * while it stays the same, so the log holds changes, not days. An agenda built
 * before lights were kept judges nothing. Sub-tasks (分解交办) do not roll up
 * here: the light is the task's own.
 */
export const lightCandidate = (
  item: ClockAgendaItem,
  day: string,
  ruleset: Pick<Ruleset, 'version' | 'lights'>,
  calendars: Calendars,
): ClockCandidate[] => {
  const lit = litTaskOf(item);
  if (lit === null || item.lit === false || !item.light) return [];
  const judged = taskLight(lit.task, lit.milestones, day, ruleset, calendars);
  if (judged.light === item.light.recorded) return [];
  return [
    {
      kind: 'light',
      taskId: item.taskId,
      day,
      from: item.light.recorded,
      light: judged.light,
      reasons: judged.reasons,
      actual: judged.actual,
      expected: judged.expected,
      rulesetVersion: ruleset.version,
    },
  ];
};
