import fc from 'fast-check';
import type { Actor } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';
import type { TaskEvent } from '../../contracts/events/index.ts';
import type { TaskDetail } from '../../projections/task-detail/projection.ts';
import { taskDetailProjection } from '../../projections/task-detail/projection.ts';
import type { TaskListItem } from '../../projections/task-list/projection.ts';
import { taskListProjection } from '../../projections/task-list/projection.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import type { RegisteredTask, TaskState } from '../../services/tasks/domain/state.ts';
import { deepFreeze, envelopes } from './support/project.ts';
import { taskRegistered } from './support/task-fixtures.ts';

/*
 * Random supervision years through the real decider: whatever it accepts, the
 * task page and the list row (folded from frozen documents, so a mutation would
 * throw) agree with each other and with the decider's own state.
 */

const taskId = 'task-1';
const units = ['u1', 'u2', 'u3'];
const milestoneIds = ['m1', 'm2', 'm3'];
const dueDates = ['2021-02-15', '2021-04-30', '2021-09-30'];

const office: Actor = { id: 'office-1', role: 'office' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const clock: Actor = { id: 'clock', role: 'system' };
const head = (unitId: string): Actor => ({ id: `head-${unitId}`, role: 'department_head', unitId });

type Step = { kind: number; pick: number; days: number };

/** Ids of the task's open (or closed) extension requests or blockages. */
const idsOf = (state: TaskState, part: 'extensions' | 'blockages', open: boolean): string[] =>
  state.registered
    ? [...state[part]].filter(([, item]) => item.open === open).map(([id]) => id)
    : [];
const pickId = (ids: string[], pick: number): string => (ids.length > 0 ? at(ids, pick) : 'none');

const leadOf = (state: TaskState): string =>
  state.registered && state.leadUnitId ? state.leadUnitId : 'u1';
const at = <T>(items: readonly T[], pick: number): T => items[pick % items.length]!;

/** The command a step asks for, and who sends it; ids come from the step's pick. */
const commandOf = (step: Step, state: TaskState, n: number): [TaskCommand, Actor] => {
  const { pick } = step;
  const data = { taskId, milestoneId: at(milestoneIds, pick) };
  const lead = head(leadOf(state));
  const byKind: (() => [TaskCommand, Actor])[] = [
    () => [
      {
        type: 'AssignTask',
        data: {
          taskId,
          leadUnitId: at(units, pick),
          cooperatingUnitIds: [at(units, pick + 1)],
          // The leader who decides the extensions the office forwards.
          responsibleLeader: leader.id,
          knownUnitIds: units,
        },
      },
      office,
    ],
    () => [{ type: 'SignTask', data: { taskId } }, pick % 2 ? lead : head(at(units, pick))],
    () => [
      {
        type: 'TransferTask',
        data: { taskId, toUnitId: at(units, pick), reason: 'r', knownUnitIds: units },
      },
      office,
    ],
    () => [{ type: 'ReturnTask', data: { taskId, reason: 'not ours' } }, lead],
    () => [
      {
        type: 'PlanMilestone',
        data: { ...data, title: 't', dueDate: at(dueDates, pick), weight: 1 + (pick % 3) },
      },
      office,
    ],
    () => [
      { type: 'ReportProgress', data: { ...data, percent: (pick * 13) % 101, note: 'n' } },
      lead,
    ],
    () => [{ type: 'CompleteMilestone', data: { ...data, note: null } }, lead],
    () => [{ type: 'ReopenMilestone', data: { ...data, reason: 'redo' } }, office],
    () => [
      {
        type: 'RequestDeadlineExtension',
        // One in four for the task's own due date (2021-12-31).
        data:
          pick % 4 === 0
            ? {
                taskId,
                milestoneId: null,
                requestId: `r${n}`,
                requestedDueDate: '2022-01-31',
                reason: 'rain',
              }
            : { ...data, requestId: `r${n}`, requestedDueDate: '2021-11-30', reason: 'rain' },
      },
      lead,
    ],
    () => [
      {
        type: 'ApproveDeadlineExtension',
        data: { taskId, requestId: pickId(idsOf(state, 'extensions', true), pick) },
      },
      leader,
    ],
    () => [
      {
        type: 'RejectDeadlineExtension',
        data: { taskId, requestId: pickId(idsOf(state, 'extensions', true), pick), reason: 'no' },
      },
      leader,
    ],
    () => [{ type: 'RecordMilestoneOverdue', data }, clock],
    () => [{ type: 'RemindMilestoneDueSoon', data: { ...data, leadDays: 30 } }, clock],
    () => [
      {
        type: 'ReportBlockage',
        data: {
          taskId,
          blockageId: `b${n}`,
          description: 'd',
          waitingOnUnitId: null,
          knownUnitIds: [],
        },
      },
      lead,
    ],
    () => [
      {
        type: 'ResolveBlockage',
        data: {
          taskId,
          blockageId: pickId(idsOf(state, 'blockages', true), pick),
          resolution: 'ok',
        },
      },
      office,
    ],
    () => [
      {
        type: 'ReopenBlockage',
        data: {
          taskId,
          blockageId: pickId(idsOf(state, 'blockages', false), pick),
          reason: 'again',
        },
      },
      office,
    ],
    () => [{ type: 'ReportTaskCompletion', data: { taskId, summary: 'done', evidence: [] } }, lead],
    () => [{ type: 'AcceptTaskCompletion', data: { taskId, comment: null } }, office],
    () => [{ type: 'RejectTaskCompletion', data: { taskId, reason: 'redo' } }, office],
    () => [{ type: 'SuspendTask', data: { taskId, reason: 'frozen' } }, leader],
    () => [{ type: 'ResumeTask', data: { taskId, reason: 'released' } }, office],
    () => [{ type: 'TerminateTask', data: { taskId, reason: 'withdrawn' } }, leader],
    () => [
      {
        type: 'ReviewDeadlineExtension',
        data: {
          taskId,
          requestId: pickId(idsOf(state, 'extensions', true), pick),
          forward: pick % 3 !== 0,
          comment: 'reviewed',
        },
      },
      office,
    ],
  ];
  return at(byKind, step.kind)();
};

/** Runs the steps through the decider; refused commands leave nothing behind. */
const play = (steps: Step[]): { events: TaskEvent[]; state: TaskState } => {
  let state = taskDecider.evolve(taskDecider.initialState(), taskRegistered);
  const events: TaskEvent[] = [taskRegistered];
  let day = Date.UTC(2021, 0, 2, 4);
  [...prologue, ...steps].forEach((step, n) => {
    day += step.days * 86_400_000;
    const [command, actor] = commandOf(step, state, n);
    try {
      const decided = taskDecider.decide(command, state, {
        actor,
        now: new Date(day).toISOString(),
      });
      for (const event of decided) state = taskDecider.evolve(state, event);
      events.push(...decided);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  });
  return { events, state };
};

const fold = <D extends { position: number }>(
  evolve: (doc: D | null, envelope: ReturnType<typeof envelopes>[number]) => D | null,
  events: TaskEvent[],
): D => {
  const doc = envelopes(events).reduce<D | null>(
    (current, e) => evolve(deepFreeze(current), e),
    null,
  );
  if (!doc) throw new Error('expected a document');
  return doc;
};

/**
 * How often each kind of command (in the order of `commandOf`) comes up: mostly
 * the work of the year, rarely the end of it.
 */
const kindWeights = [2, 3, 1, 1, 2, 8, 4, 1, 3, 3, 2, 3, 3, 4, 3, 1, 3, 2, 1, 1, 1, 1, 3];
const kind = fc.oneof(...kindWeights.map((weight, i) => ({ weight, arbitrary: fc.constant(i) })));
const steps = fc.array(
  fc.record({ kind, pick: fc.nat(100), days: fc.integer({ min: 0, max: 8 }) }),
  { minLength: 10, maxLength: 80, size: 'large' },
);

/** Every year starts assigned to u1 with three milestones planned. */
const prologue: Step[] = [
  { kind: 0, pick: 0, days: 0 },
  ...[0, 1, 2].map((pick) => ({ kind: 4, pick, days: 0 })),
];

const openCount = (task: RegisteredTask) =>
  [...task.blockages.values()].filter((b) => b.open).length;

describe('the task page and the task list row, whatever the year brings', () => {
  it('agree with each other on every field they share', () => {
    fc.assert(
      fc.property(steps, (input) => {
        const { events } = play(input);
        const page = fold<TaskDetail>(taskDetailProjection.evolve, events);
        const row = fold<TaskListItem>(taskListProjection.evolve, events);
        const shared = (doc: TaskDetail | TaskListItem) => ({
          position: doc.position,
          status: doc.status,
          progress: doc.progress,
          leadUnitId: doc.leadUnitId,
          cooperatingUnitIds: doc.cooperatingUnitIds,
          responsibleLeader: doc.responsibleLeader,
          openBlockages: doc.openBlockages,
          overdueMilestones: doc.overdueMilestones,
          updatedAt: doc.updatedAt,
        });
        expect(shared(row)).toEqual(shared(page));
        expect(row.dueDate).toBe(page.dueDate);
        expect(row.milestoneCount).toBe(page.milestones.length);
      }),
      { numRuns: 300 },
    );
  });

  it('agree with the decider’s state on the lead unit, due dates, blockages and lifecycle', () => {
    fc.assert(
      fc.property(steps, (input) => {
        const { events, state } = play(input);
        if (!state.registered) throw new Error('the task is registered first');
        const page = fold<TaskDetail>(taskDetailProjection.evolve, events);
        expect(page.leadUnitId).toBe(state.leadUnitId);
        expect(page.suspended).toBe(state.suspended);
        expect(page.termination !== null).toBe(state.terminated);
        expect(page.openBlockages).toBe(openCount(state));
        expect(page.dueDate).toBe(state.dueDate);
        for (const milestone of page.milestones) {
          expect(milestone.dueDate).toBe(state.milestones.get(milestone.id)?.dueDate);
          expect(milestone.progress).toBe(state.milestones.get(milestone.id)?.percent);
        }
        const signedLead = state.leadUnitId !== null && state.signedUnitIds.has(state.leadUnitId);
        if (page.status === 'signed') expect(signedLead).toBe(true);
        if (state.completion === 'accepted' && !state.terminated)
          expect(page.status).toBe('closed');
      }),
      { numRuns: 300 },
    );
  });
});
