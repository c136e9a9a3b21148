import type { TaskEventOf } from '../../contracts/events/task-events.ts';
import { isTaskDone, type LitMilestone, type LitTask } from '../../domain/judgement/task-light.ts';
import type { AgendaLight, AgendaMilestone, ClockAgendaItem } from './document.ts';

/** What a task's light reads from its agenda at registration: green, nothing recorded yet. */
export const registeredLight = (data: TaskEventOf<'TaskRegistered'>['data']): AgendaLight => ({
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  accepted: false,
  recorded: 'green',
});

/** Changes what the light reads; an agenda built before lights were kept stays as it is. */
export const changeLight = (
  item: ClockAgendaItem,
  change: Partial<AgendaLight>,
): ClockAgendaItem => (item.light ? { ...item, light: { ...item.light, ...change } } : item);

const byMilestoneId = (a: AgendaMilestone, b: AgendaMilestone): number =>
  a.milestoneId < b.milestoneId ? -1 : a.milestoneId > b.milestoneId ? 1 : 0;

const litMilestone = (milestone: AgendaMilestone): LitMilestone => ({
  title: milestone.title ?? milestone.milestoneId,
  weight: milestone.weight ?? 0,
  percent: milestone.percent ?? 0,
  dueDate: milestone.dueDate,
  completed: milestone.completed,
});

/**
 * The task and its milestones as `taskLight` reads them, in the boards' order
 * (shares as planned, milestones by id, so the reasons read the same); null
 * for an agenda built before lights were kept.
 */
export const litTaskOf = (
  item: ClockAgendaItem,
): { task: LitTask; milestones: LitMilestone[] } | null => {
  const { light } = item;
  if (!light) return null;
  const shares = item.milestones.map((milestone) => {
    const { weight, percent, completed } = litMilestone(milestone);
    return { weight, percent, completed };
  });
  return {
    task: {
      plannedStart: light.plannedStart,
      dueDate: light.dueDate,
      completion: light.accepted ? 'accepted' : 'none',
      shares,
    },
    milestones: [...item.milestones].sort(byMilestoneId).map(litMilestone),
  };
};

/** Its light may change: judged, and not a done task with green recorded (done stays green). */
export const isLit = (item: ClockAgendaItem): boolean => {
  const lit = litTaskOf(item);
  return lit !== null && !(isTaskDone(lit.task) && item.light?.recorded === 'green');
};
