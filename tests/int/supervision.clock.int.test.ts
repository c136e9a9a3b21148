import type { Actor } from '../../contracts/actor.ts';
import {
  rulesStreamId,
  scoringPeriodStreamId,
  taskStreamId,
  workCalendarStreamId,
} from '../../contracts/streams.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import type { SettableClock } from '../../infra/clock/clock.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { calendarDecider } from '../../services/rulesets/domain/calendar-decider.ts';
import { rulesetDecider } from '../../services/rulesets/domain/decider.ts';
import type { CommandHandler } from '../../services/shared/command-handler.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ClockRunReport } from '../../services/supervision/supervision.service.ts';
import {
  departmentHead,
  office,
  registerUnit,
  runTask,
  seedTask,
} from '../support/int-fixtures.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const year2021 = (() => {
  const calendar = shippedCalendars.get(2021);
  if (!calendar) throw new Error('2021 is shipped');
  return {
    year: 2021,
    holidays: [...calendar.holidays],
    workdays: [...calendar.workdays],
    source: 'test',
  };
})();

/** 09:00 China Standard Time on `day`. */
const at = (day: string) => `${day}T09:00:00+08:00`;

let clock: SettableClock;
let test: TestSystem;
/** Sets the scene straight through the deciders, as the office and units would. */
let handle: CommandHandler;

/** The system on a fresh log (`wrap`: the store around it), with unit `edu` registered. */
const startOn = async (wrap?: (store: EventStore) => EventStore) => {
  clock = settableClock(at('2021-03-01'));
  // No schedule: the tests run the clock themselves, on the days they choose.
  test = await startTestSystem(
    { SUPERVISION_CLOCK_INTERVAL_MS: '0' },
    { clock, ...(wrap ? { eventStore: wrap } : {}) },
  );
  handle = createCommandHandler({ store: test.system.stores.eventStore, clock });
  await registerUnit(handle, 'edu');
};

beforeEach(() => startOn());
afterEach(async () => {
  await test.stop();
});

const runClockOn = (day: string, actor: Actor = office): Promise<ClockRunReport> => {
  clock.set(at(day));
  return test.system.broker.call('supervision.runClock', {}, { meta: { actor } });
};

/** The events of `type` in the task's stream, as stored. */
const facts = async (taskId: string, type: string) =>
  (await test.system.stores.eventStore.readStream(taskStreamId(taskId))).filter(
    (event) => event.type === type,
  );

const nothing = {
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
};

/** Task `t1`, led by `edu`, with milestone `m1` due 2021-06-30. */
const seedMilestone = () =>
  seedTask(handle, 't1', { leadUnitId: 'edu', milestoneIds: ['m1'], signed: true });

describe('the clock run twice for the same day', () => {
  it('records a due-soon reminder once, 3 working days before', async () => {
    await seedMilestone();
    // The first run also records the task's light: red, far behind a milestone due 06-30.
    expect(await runClockOn('2021-06-25')).toEqual({
      day: '2021-06-25',
      ...nothing,
      reminded: 1,
      lightsChanged: 1,
    });
    expect(await runClockOn('2021-06-25')).toEqual({ day: '2021-06-25', ...nothing });
    const reminders = await facts('t1', 'MilestoneDueSoonReminded');
    expect(reminders.map((event) => event.data)).toEqual([
      { taskId: 't1', milestoneId: 'm1', dueDate: '2021-06-30', remindedOn: '2021-06-25' },
    ]);
    expect(reminders[0]?.metadata.actor).toEqual({ id: 'clock', role: 'system' });
  });

  it('records nothing a day too early', async () => {
    await seedMilestone();
    // Only the task's light (red, far behind), the first time the clock runs.
    expect(await runClockOn('2021-06-24')).toEqual({
      day: '2021-06-24',
      ...nothing,
      lightsChanged: 1,
    });
    expect(await facts('t1', 'MilestoneDueSoonReminded')).toEqual([]);
  });
});

describe('the clock on the days after a due date', () => {
  it('records the milestone overdue once, the day after, and never again', async () => {
    await seedMilestone();
    expect((await runClockOn('2021-06-30')).overdue).toBe(0);
    expect((await runClockOn('2021-07-01')).overdue).toBe(1);
    expect((await runClockOn('2021-07-01')).overdue).toBe(0);
    expect((await runClockOn('2021-07-05')).overdue).toBe(0);
    const overdue = await facts('t1', 'MilestoneOverdue');
    expect(overdue.map((event) => event.data)).toEqual([
      { taskId: 't1', milestoneId: 'm1', dueDate: '2021-06-30', recordedOn: '2021-07-01' },
    ]);
  });
});

describe('the clock over a log whose positions have gaps', () => {
  beforeEach(async () => {
    await test.stop();
    await startOn(sparseEventStore);
  });

  it('reminds once before the due date and records the milestone overdue once after it', async () => {
    await seedMilestone();
    expect((await runClockOn('2021-06-25')).reminded).toBe(1);
    expect((await runClockOn('2021-06-25')).reminded).toBe(0);
    expect((await runClockOn('2021-07-01')).overdue).toBe(1);
    expect((await runClockOn('2021-07-01')).overdue).toBe(0);
    expect(await facts('t1', 'MilestoneOverdue')).toHaveLength(1);
  });
});

describe('a completed milestone', () => {
  it('is never reminded nor recorded overdue', async () => {
    await seedMilestone();
    await runTask(
      handle,
      { type: 'CompleteMilestone', data: { taskId: 't1', milestoneId: 'm1', note: null } },
      departmentHead('edu'),
    );
    for (const day of ['2021-06-27', '2021-06-30', '2021-07-01', '2021-08-01']) {
      expect(await runClockOn(day)).toEqual({ day, ...nothing });
    }
    expect(await facts('t1', 'MilestoneDueSoonReminded')).toEqual([]);
    expect(await facts('t1', 'MilestoneOverdue')).toEqual([]);
  });
});

describe('a ruleset published with a reminder lead of 5 working days', () => {
  it('reminds 5 working days ahead from the day it is in force, and 3 before', async () => {
    await seedTask(handle, 't1', { leadUnitId: 'edu', signed: true });
    for (const [milestoneId, dueDate] of [
      ['early', '2021-06-29'],
      ['late', '2021-06-30'],
    ] as const) {
      await runTask(handle, {
        type: 'PlanMilestone',
        data: { taskId: 't1', milestoneId, title: milestoneId, dueDate, weight: 1 },
      });
    }
    await handle(rulesetDecider, {
      streamId: rulesStreamId,
      command: {
        type: 'PublishRuleset',
        data: { ...defaultRuleset, version: 1, inForceFrom: '2021-06-23', reminderLeadDays: 5 },
      },
      actor: office,
      correlationId: 'rules-1',
      causationId: 'rules-1',
    });
    // 06-22: 5 working days before 06-29, but the default 3 are still in force.
    expect((await runClockOn('2021-06-22')).reminded).toBe(0);
    // 06-23: in force, 4 and 5 working days ahead are both within the lead.
    expect((await runClockOn('2021-06-23')).reminded).toBe(2);
    const reminders = await facts('t1', 'MilestoneDueSoonReminded');
    expect(reminders.map((event) => event.data)).toEqual([
      { taskId: 't1', milestoneId: 'early', dueDate: '2021-06-29', remindedOn: '2021-06-23' },
      { taskId: 't1', milestoneId: 'late', dueDate: '2021-06-30', remindedOn: '2021-06-23' },
    ]);
  });
});

describe('a milestone due on a holiday (2021-10-04, National Day)', () => {
  it('runs to the first working day after it: overdue recorded on 10-09, naming the limit', async () => {
    await seedTask(handle, 't1', { leadUnitId: 'edu', signed: true });
    await runTask(handle, {
      type: 'PlanMilestone',
      data: { taskId: 't1', milestoneId: 'm1', title: 'm1', dueDate: '2021-10-04', weight: 1 },
    });
    // Reminded before the holiday: 3 working days before the limit, 10-08.
    expect((await runClockOn('2021-09-28')).reminded).toBe(1);
    for (const day of ['2021-10-04', '2021-10-05', '2021-10-08']) {
      expect(await runClockOn(day)).toEqual({ day, ...nothing });
    }
    expect((await runClockOn('2021-10-09')).overdue).toBe(1);
    const overdue = await facts('t1', 'MilestoneOverdue');
    expect(overdue.map((event) => event.data)).toEqual([
      {
        taskId: 't1',
        milestoneId: 'm1',
        dueDate: '2021-10-04',
        limitDate: '2021-10-08',
        recordedOn: '2021-10-09',
      },
    ]);
  });

  it('follows the calendar the office published: a day made off moves the limit', async () => {
    await seedMilestone();
    await handle(calendarDecider, {
      streamId: workCalendarStreamId(2021),
      command: {
        type: 'PublishWorkCalendar',
        data: { ...year2021, holidays: [...year2021.holidays, '2021-06-30'].sort() },
      },
      actor: office,
      correlationId: 'calendar-1',
      causationId: 'calendar-1',
    });
    // 06-30 is now a day off: the limit is 07-01, overdue from 07-02.
    expect(await runClockOn('2021-06-30')).toEqual({ day: '2021-06-30', ...nothing });
    expect((await runClockOn('2021-07-01')).overdue).toBe(0);
    expect((await runClockOn('2021-07-02')).overdue).toBe(1);
  });
});

/**
 * Task t1 (milestone m1 due 06-30) suspended on 04-15, `meanwhile` done, then
 * resumed on 08-01 through the tasks service, which looks the calendars up.
 */
const pausedFromAprilToAugust = async (meanwhile: () => Promise<void>) => {
  await seedMilestone();
  clock.set(at('2021-04-15'));
  await runTask(
    handle,
    { type: 'SuspendTask', data: { taskId: 't1', reason: '资金冻结' } },
    { id: 'leader-1', role: 'leader' },
  );
  await meanwhile();
  clock.set(at('2021-08-01'));
  await test.system.broker.call(
    'tasks.resumeTask',
    { taskId: 't1', reason: '资金到位' },
    { meta: { actor: office } },
  );
};

describe('a task paused from 04-15 to 08-01 (the suspension case)', () => {
  it('resumes with its open dates moved on: no instant overdue, nothing held against it', async () => {
    await pausedFromAprilToAugust(async () => {
      expect(await runClockOn('2021-07-01')).toEqual({ day: '2021-07-01', ...nothing });
    });
    const shifted = await facts('t1', 'MilestoneDueDateShifted');
    expect(shifted.map((event) => event.data)).toEqual([
      {
        taskId: 't1',
        milestoneId: 'm1',
        from: '2021-06-30',
        to: '2021-10-19',
        suspendedOn: '2021-04-15',
        resumedOn: '2021-08-01',
        workingDays: 75,
      },
    ]);
    // No overdue; its light, first judged now that it runs again, is red: 0% against its plan.
    expect(await runClockOn('2021-08-02')).toEqual({
      day: '2021-08-02',
      ...nothing,
      lightsChanged: 1,
    });
    await test.settled();
    const stage = (await test.system.broker.call(
      'boards.stageBoard',
      { taskId: 't1', first: 10 },
      { meta: { actor: office } },
    )) as { nodes: { plannedDueDate: string; dueDate: string; state: string }[] };
    expect(stage.nodes).toEqual([
      expect.objectContaining({
        plannedDueDate: '2021-06-30',
        dueDate: '2021-10-19',
        state: 'upcoming',
      }),
    ]);
    const board = (await test.system.broker.call(
      'boards.responsibilityBoard',
      { unitId: 'edu', first: 10 },
      { meta: { actor: office } },
    )) as { nodes: { failedTasks: unknown[]; deductions: { rule: string }[] }[] };
    expect(board.nodes[0]?.failedTasks).toEqual([]);
    expect(board.nodes[0]?.deductions.map((item) => item.rule)).not.toContain('deadline_missed');
  });
});

describe('a pause counted on the calendar the office published', () => {
  it('moves the dates by the working days of that calendar, as the service looked it up', async () => {
    await pausedFromAprilToAugust(async () => {
      await handle(calendarDecider, {
        streamId: workCalendarStreamId(2021),
        command: {
          type: 'PublishWorkCalendar',
          data: { ...year2021, holidays: [...year2021.holidays, '2021-05-06'].sort() },
        },
        actor: office,
        correlationId: 'calendar-1',
        causationId: 'calendar-1',
      });
    });
    const [shifted] = await facts('t1', 'MilestoneDueDateShifted');
    expect(shifted?.data).toMatchObject({ workingDays: 74, to: '2021-10-18' });
  });
});

describe('the year-end settlement (年度结算)', () => {
  /** Task t1 due 2021-12-31 with milestone m2 due then, led by edu, left open. */
  const seedYearEnd = async () => {
    await seedTask(handle, 't1', { leadUnitId: 'edu', signed: true });
    await runTask(handle, {
      type: 'PlanMilestone',
      data: { taskId: 't1', milestoneId: 'm2', title: 'm2', dueDate: '2021-12-31', weight: 1 },
    });
  };
  const settlementBoard = (period: string) =>
    test.system.broker.call(
      'boards.responsibilityBoard',
      { period, first: 50 },
      { meta: { actor: office } },
    ) as Promise<{
      settlement: { period: string; closedOn: string } | null;
      day: string;
      nodes: { unitId: string; score: number; failedTasks: { reasons: string[] }[] }[];
    }>;

  it('is recorded once, by the first run of the new year, under the rules of 12-31', async () => {
    await seedYearEnd();
    expect((await runClockOn('2021-12-31')).settled).toBe(0);
    expect((await runClockOn('2022-01-01')).settled).toBe(1);
    expect((await runClockOn('2022-01-04')).settled).toBe(0);
    const stored = await test.system.stores.eventStore.readStream(scoringPeriodStreamId(2021));
    expect(stored.map((event) => [event.type, event.data])).toEqual([
      [
        'ScoringPeriodClosed',
        {
          period: '2021',
          from: '2021-01-01',
          to: '2021-12-31',
          closedOn: '2022-01-01',
          rulesetVersion: 0,
        },
      ],
    ]);
    expect(stored[0]?.metadata.actor).toEqual({ id: 'clock', role: 'system' });
  });

  it('closes nothing before the log began: a log begun this year has no year before', async () => {
    expect((await runClockOn('2021-06-30')).settled).toBe(0);
    expect(await test.system.stores.eventStore.readStream(scoringPeriodStreamId(2020))).toEqual([]);
  });

  it('deducts what was due on 12-31 and not done: the hole at the year end is closed', async () => {
    await seedYearEnd();
    await expect(settlementBoard('2021')).rejects.toMatchObject({
      type: 'VALIDATION',
      data: expect.objectContaining({ field: 'period' }),
    });
    await runClockOn('2022-01-01');
    await test.settled();
    const settled = await settlementBoard('2021');
    expect(settled.settlement).toMatchObject({ period: '2021', closedOn: '2022-01-01' });
    expect(settled.day).toBe('2021-12-31');
    expect(settled.nodes.find((row) => row.unitId === 'edu')).toMatchObject({
      score: 95,
      failedTasks: [
        {
          reasons: ['milestone "m2" overdue since 2022-01-01', 'task overdue since 2022-01-01'],
        },
      ],
    });
  });
});

describe('an unresolved blockage', () => {
  it('goes to the responsible leader after 3 days and to the main leader after 7, once each', async () => {
    await seedTask(handle, 't1', { leadUnitId: 'edu', signed: true });
    clock.set(at('2021-03-01'));
    await runTask(
      handle,
      {
        type: 'ReportBlockage',
        data: {
          taskId: 't1',
          blockageId: 'b1',
          description: 'Land approval pending',
          waitingOnUnitId: null,
          knownUnitIds: [],
        },
      },
      departmentHead('edu'),
    );
    const escalatedOn = async (day: string) => (await runClockOn(day)).escalated;
    expect(await escalatedOn('2021-03-03')).toBe(0);
    expect(await escalatedOn('2021-03-04')).toBe(1);
    expect(await escalatedOn('2021-03-04')).toBe(0);
    expect(await escalatedOn('2021-03-07')).toBe(0);
    expect(await escalatedOn('2021-03-08')).toBe(1);
    expect(await escalatedOn('2021-03-20')).toBe(0);
    const escalations = await facts('t1', 'BlockageEscalated');
    expect(escalations.map((event) => [event.data, event.recordedAt.slice(0, 10)])).toEqual([
      [{ taskId: 't1', blockageId: 'b1', level: 1, by: 'system' }, '2021-03-04'],
      [{ taskId: 't1', blockageId: 'b1', level: 2, by: 'system' }, '2021-03-08'],
    ]);
  });
});

describe('who may run the clock', () => {
  it('the office and the system may; a department head is refused with FORBIDDEN', async () => {
    await expect(runClockOn('2021-03-02')).resolves.toMatchObject({ day: '2021-03-02' });
    await expect(runClockOn('2021-03-02', { id: 'clock', role: 'system' })).resolves.toMatchObject({
      day: '2021-03-02',
    });
    await expect(runClockOn('2021-03-02', departmentHead('edu'))).rejects.toMatchObject({
      type: 'FORBIDDEN',
    });
  });
});

describe('the lights of a task, recorded by the clock', () => {
  const lightQuery = `query($id: ID!) { task(id: $id) {
    lightChanges { day from to reasons actual expected rulesetVersion } } }`;

  it('records each change once, on the working days it runs, and shows the history to the lead unit', async () => {
    clock.set(at('2021-01-04'));
    await seedMilestone();
    // Expected by m1's plan (done by 06-30, from 01-01): 17.68 on 02-01, 33.15 on 03-01.
    expect((await runClockOn('2021-01-11')).lightsChanged).toBe(0);
    expect((await runClockOn('2021-02-01')).lightsChanged).toBe(1);
    expect((await runClockOn('2021-02-01')).lightsChanged).toBe(0);
    expect((await runClockOn('2021-02-02')).lightsChanged).toBe(0);
    expect((await runClockOn('2021-03-01')).lightsChanged).toBe(1);
    await runTask(
      handle,
      {
        type: 'ReportProgress',
        data: { taskId: 't1', milestoneId: 'm1', percent: 60, note: null },
      },
      departmentHead('edu'),
    );
    expect((await runClockOn('2021-03-02')).lightsChanged).toBe(1);
    const changes = (await facts('t1', 'TaskLightChanged')).map((event) => event.data);
    expect(changes).toEqual([
      expect.objectContaining({
        day: '2021-02-01',
        from: 'green',
        to: 'yellow',
        rulesetVersion: 0,
      }),
      expect.objectContaining({ day: '2021-03-01', from: 'yellow', to: 'red' }),
      expect.objectContaining({ day: '2021-03-02', from: 'red', to: 'green', actual: 60 }),
    ]);
    await test.settled();
    const token = await test.token('department_head', 'edu');
    const page = await test.gql<{ task: { lightChanges: Record<string, unknown>[] } }>(
      lightQuery,
      { id: 't1' },
      token,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.task.lightChanges).toEqual([
      {
        day: '2021-02-01',
        from: 'GREEN',
        to: 'YELLOW',
        reasons: ['behind 17.68 points'],
        actual: 0,
        expected: 17.68,
        rulesetVersion: 0,
      },
      expect.objectContaining({ day: '2021-03-01', from: 'YELLOW', to: 'RED' }),
      expect.objectContaining({ day: '2021-03-02', from: 'RED', to: 'GREEN', reasons: [] }),
    ]);
  });

  it('records nothing for a suspended task', async () => {
    await seedMilestone();
    expect((await runClockOn('2021-03-01')).lightsChanged).toBe(1);
    clock.set(at('2021-03-02'));
    await runTask(
      handle,
      { type: 'SuspendTask', data: { taskId: 't1', reason: '资金冻结' } },
      { id: 'leader-1', role: 'leader' },
    );
    expect((await runClockOn('2021-03-03')).lightsChanged).toBe(0);
  });
});
