import { taskStreamId } from '../../contracts/streams.ts';
import type { SettableClock } from '../../infra/clock/clock.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { allProjections } from '../../projections/index.ts';
import { createProjector } from '../../services/projector/projector.ts';
import type { CommandHandler } from '../../services/shared/command-handler.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ClockRunHooks } from '../../services/supervision/clock/run.ts';
import { runClock } from '../../services/supervision/clock/run.ts';
import type { ClockRunReport } from '../../services/supervision/supervision.service.ts';
import {
  departmentHead,
  office,
  registerUnit,
  runTask,
  seedTask,
} from '../support/int-fixtures.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/** 09:00 China Standard Time on `day`. */
const at = (day: string) => `${day}T09:00:00+08:00`;
const noSchedule = { SUPERVISION_CLOCK_INTERVAL_MS: '0' };

let clock: SettableClock;
let test: TestSystem | null = null;
afterEach(async () => {
  await test?.stop();
  test = null;
});

const started = async (env: Record<string, string> = {}, dataDir?: string) => {
  const system = await startTestSystem(
    { ...noSchedule, ...env },
    { clock, ...(dataDir ? { dataDir } : {}) },
  );
  test = system;
  return {
    system,
    /** A handler of its own, as another process writing to the same store would have. */
    handle: createCommandHandler({ store: system.system.stores.eventStore, clock }),
  };
};

const runOver = (system: TestSystem): Promise<ClockRunReport> =>
  system.system.broker.call('supervision.runClock', {}, { meta: { actor: office } });

/** How many events of each clock type the task's stream holds. */
const clockFacts = async (system: TestSystem, taskId: string) => {
  const events = await system.system.stores.eventStore.readStream(taskStreamId(taskId));
  const count = (type: string) => events.filter((event) => event.type === type).length;
  return {
    reminded: count('MilestoneDueSoonReminded'),
    overdue: count('MilestoneOverdue'),
    escalated: count('BlockageEscalated'),
  };
};

/**
 * On 2021-06-29 task `t1` has three facts due: milestone `soon` (due 06-30) a
 * reminder, milestone `late` (due 06-28) an overdue, blockage `b1` (reported
 * 06-25) its first escalation.
 */
const seedDueFacts = async (handle: CommandHandler) => {
  clock.set(at('2021-06-25'));
  await registerUnit(handle, 'edu');
  await seedTask(handle, 't1', { leadUnitId: 'edu', signed: true });
  for (const [milestoneId, dueDate] of [
    ['soon', '2021-06-30'],
    ['late', '2021-06-28'],
  ] as const) {
    await runTask(handle, {
      type: 'PlanMilestone',
      data: { taskId: 't1', milestoneId, title: milestoneId, dueDate, weight: 1 },
    });
  }
  const blockage = {
    taskId: 't1',
    blockageId: 'b1',
    description: 'Waiting for the land survey',
    waitingOnUnitId: null,
    knownUnitIds: [],
  };
  await runTask(handle, { type: 'ReportBlockage', data: blockage }, departmentHead('edu'));
  clock.set(at('2021-06-29'));
};

const allThree = { reminded: 1, overdue: 1, escalated: 1 };
const nothing = {
  day: '2021-06-29',
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

describe('a run, a restart of the whole system, and another run for the same day', () => {
  it('records nothing twice', async () => {
    clock = settableClock(at('2021-06-25'));
    const first = await started();
    await seedDueFacts(first.handle);
    // With the three, the task's light: red, its milestone overdue.
    expect(await runOver(first.system)).toEqual({ ...nothing, ...allThree, lightsChanged: 1 });
    const dataDir = first.system.dataDir;
    await first.system.stop({ keepData: true });
    test = null;

    const second = await started({}, dataDir);
    expect(await runOver(second.system)).toEqual(nothing);
    expect(await clockFacts(second.system, 't1')).toEqual(allThree);
  });
});

describe('a run stopped after its first fact, then a restart and another run', () => {
  it('records the remaining facts, each once', async () => {
    clock = settableClock(at('2021-06-25'));
    const first = await started();
    await seedDueFacts(first.handle);
    let asked = 0;
    const hooks: ClockRunHooks = {
      correlationId: 'interrupted',
      causationId: 'interrupted',
      catchUp: () => first.system.settled(),
      appended: () => undefined,
      // The service says "stopping" once the first command is through.
      stopping: () => asked++ >= 1,
      logger: { error: () => undefined },
    };
    const { eventStore, readModels } = first.system.system.stores;
    const cut = await runClock({ eventStore, readModels, clock, handle: first.handle }, hooks);
    expect(cut.reminded + cut.overdue + cut.escalated).toBe(1);
    const dataDir = first.system.dataDir;
    await first.system.stop({ keepData: true });
    test = null;

    const second = await started({}, dataDir);
    const rest = await runOver(second.system);
    expect(rest.reminded + rest.overdue + rest.escalated).toBe(2);
    expect(await clockFacts(second.system, 't1')).toEqual(allThree);
  });
});

describe('two runs at the same time', () => {
  it('record each fact once, in one process or as two nodes over one store', async () => {
    clock = settableClock(at('2021-06-25'));
    const { system, handle } = await started();
    await seedDueFacts(handle);
    const { eventStore, readModels } = system.system.stores;
    const otherNode: ClockRunHooks = {
      correlationId: 'other-node',
      causationId: 'other-node',
      catchUp: () => system.settled(),
      appended: () => undefined,
      stopping: () => false,
      logger: { error: () => undefined },
    };
    const reports = await Promise.all([
      runOver(system),
      runOver(system),
      runClock({ eventStore, readModels, clock, handle }, otherNode),
    ]);
    const total = (field: 'reminded' | 'overdue' | 'escalated') =>
      reports.reduce((sum, report) => sum + report[field], 0);
    expect({
      reminded: total('reminded'),
      overdue: total('overdue'),
      escalated: total('escalated'),
    }).toEqual(allThree);
    expect(reports.every((report) => report.failed === 0)).toBe(true);
    expect(await clockFacts(system, 't1')).toEqual(allThree);
  });
});

describe('a task terminated after the agenda last saw it', () => {
  it('is skipped, and the run goes on with the other tasks', async () => {
    clock = settableClock(at('2021-06-25'));
    // No projector service: the agenda moves only when this test projects.
    const { system, handle } = await started({ SERVICES: 'tasks,directory,views,supervision' });
    const { eventStore, readModels } = system.system.stores;
    const project = () =>
      createProjector({
        projectorId: 'main',
        eventStore,
        readModels,
        projections: allProjections,
        batchSize: 500,
      }).catchUp();
    await registerUnit(handle, 'edu');
    for (const taskId of ['t1', 't2']) {
      await seedTask(handle, taskId, { leadUnitId: 'edu', milestoneIds: ['m1'], signed: true });
    }
    await project();
    await runTask(
      handle,
      { type: 'TerminateTask', data: { taskId: 't1', reason: 'Withdrawn' } },
      { id: 'leader-1', role: 'leader' },
    );

    clock.set(at('2021-07-01'));
    expect(await runOver(system)).toEqual({
      day: '2021-07-01',
      reminded: 0,
      overdue: 1,
      escalated: 0,
      signingReminded: 0,
      signingUrged: 0,
      reportsMissed: 0,
      // t2's light turns red (far behind, overdue); t1's is refused with its overdue.
      repliesOverdue: 0,
      lightsChanged: 1,
      settled: 0,
      skipped: 2,
      failed: 0,
    });
    expect((await clockFacts(system, 't1')).overdue).toBe(0);
    expect((await clockFacts(system, 't2')).overdue).toBe(1);

    // Once the agenda knows, the terminated task is not even asked.
    await project();
    expect((await runOver(system)).skipped).toBe(0);
  });
});
