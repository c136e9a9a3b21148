import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { allProjections } from '../../projections/index.ts';
import { isDigestKept } from '../../services/boards/as-of/day-digests.ts';
import { createDayLightsSource } from '../../services/boards/as-of/day-lights-source.ts';
import { lightsFromLog } from '../../services/boards/as-of/replay-lights.ts';
import { createBoardsCompute } from '../../services/boards/compute/boards-compute.ts';
import { boardsComputeInWorker } from '../../services/boards/compute/in-worker.ts';
import { keepPastDays, keepPastDaysOrLeave } from '../../services/boards/compute/keep-past-days.ts';
import { createProjector } from '../../services/projector/projector.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';
import { temporalCollections } from '../../services/projector/versions.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * A supervision year played through the real services (commands, clock, the
 * incremental projector), then the read models rebuilt from its log: the same
 * documents, whether rebuilt in process, by `npm run rebuild` in place, or
 * compared by `npm run rebuild -- --verify`.
 */

const office: Actor = { id: 'office-1', role: 'office' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const head = (unitId: string): Actor => ({ id: `head-${unitId}`, role: 'department_head', unitId });

const collections = [...new Set(allProjections.map((projection) => projection.collection))];

/** Every document of every projected collection, in id order. */
const everyDocument = async (store: ReadModelStore) => {
  const documents: Record<string, unknown[]> = {};
  for (const collection of collections) {
    documents[collection] = (await store.find(collection)).items;
  }
  return documents;
};

/** `eventStore`, counting the pages read from the whole log. */
const countingReads = (eventStore: EventStore) => {
  let reads = 0;
  return {
    ...eventStore,
    readAll: (query: Parameters<EventStore['readAll']>[0]) => {
      reads += 1;
      return eventStore.readAll(query);
    },
    reads: () => reads,
  };
};

const temp = mkdtempSync(path.join(os.tmpdir(), 'dubanju-rebuild-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the year's data directory, for a test that changes it. */
const copyOfData = (dataDir: string, name: string) => {
  const copy = path.join(temp, name);
  cpSync(dataDir, copy, { recursive: true });
  return copy;
};

const rebuildCommand = (dataDir: string, ...args: string[]) => rebuildWith({}, dataDir, ...args);

/** `npm run rebuild` with `settings` over this process's environment. */
const rebuildWith = (settings: Record<string, string>, dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/rebuild.ts', '--data', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...settings },
  });

/**
 * How many kept days `npm run rebuild -- --verify` finds agreeing with the log
 * (`what`: the chart's or the overview's), after it passed.
 */
const agreeingDays = (dataDir: string, what: "the chart's" | "the overview's"): number => {
  const verified = rebuildCommand(dataDir, '--verify');
  expect(verified.status).toBe(0);
  const line = new RegExp(`^${what} kept days agree with the log: (\\d+)$`, 'm').exec(
    verified.stdout,
  );
  return Number(line?.[1]);
};

describe('the read models rebuilt from a log written through real commands', () => {
  const clock = settableClock('2021-01-04T01:00:00Z');
  let sys: TestSystem;
  let dataDir = '';
  let incremental: Record<string, unknown[]> = {};
  let lastPosition = 0;

  const call = async (action: string, params: Record<string, unknown>, actor = office) =>
    sys.system.broker.call<Record<string, string>, Record<string, unknown>>(action, params, {
      meta: { actor },
    });

  /** One task of the year: signed, planned, reported on, blocked, supervised. */
  const playTask = async (i: number) => {
    const lead = ['edu', 'env', 'land'][i % 3]!;
    const coop = ['env', 'land', 'edu'][i % 3]!;
    const { id: taskId } = await call('tasks.registerTask', {
      title: `任务 ${i}`,
      section: `section-${i % 2}`,
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
    await call('tasks.assignTask', { taskId, leadUnitId: lead, cooperatingUnitIds: [coop] });
    const milestones: string[] = [];
    for (const dueDate of ['2021-02-28', '2021-06-30']) {
      const { milestoneId } = await call('tasks.planMilestone', {
        taskId,
        title: dueDate,
        dueDate,
      });
      milestones.push(milestoneId!);
    }
    await call('tasks.signTask', { taskId }, head(lead));
    await call(
      'tasks.reportProgress',
      { taskId, milestoneId: milestones[0], percent: 40 },
      head(lead),
    );
    const { requestId } = await call(
      'tasks.requestDeadlineExtension',
      { taskId, milestoneId: milestones[1], requestedDueDate: '2021-08-31', reason: '雨季' },
      head(lead),
    );
    // 初审: the office refuses one in four; a leader decides the others.
    const forward = i % 4 !== 3;
    await call('tasks.reviewDeadlineExtension', { taskId, requestId, forward, comment: '初审' });
    // A refused one is closed at the review, the due date unchanged.
    if (forward && i % 2 === 0) {
      await call('tasks.approveDeadlineExtension', { taskId, requestId }, leader);
    } else if (forward) {
      await call('tasks.rejectDeadlineExtension', { taskId, requestId, reason: '不准' }, leader);
    }
    if (i % 3 === 1) {
      // More time for the task itself, granted: its own due date moves.
      const own = await call(
        'tasks.requestDeadlineExtension',
        { taskId, requestedDueDate: '2022-01-31', reason: '设备到货延迟' },
        head(lead),
      );
      const asked = { taskId, requestId: own.requestId };
      await call('tasks.reviewDeadlineExtension', { ...asked, forward: true, comment: '同意' });
      await call('tasks.approveDeadlineExtension', asked, leader);
    }
    const { blockageId } = await call(
      'tasks.reportBlockage',
      { taskId, description: '待批', waitingOnUnitId: coop },
      head(lead),
    );
    await call(
      'tasks.assignBlockageCoordination',
      { taskId, blockageId, coordinatorUnitId: 'land' },
      leader,
    );
    await call('tasks.resolveBlockage', { taskId, blockageId, resolution: '已协调' });
    if (i % 3 === 0) await call('tasks.reopenBlockage', { taskId, blockageId, reason: '反复' });
    const { indicatorId } = await call('tasks.defineIndicator', {
      taskId,
      name: '覆盖率',
      unitOfMeasure: '%',
      target: 97,
      comparison: 'gte',
      dueDate: '2021-12-31',
    });
    await call(
      'tasks.reportIndicatorValue',
      { taskId, indicatorId, value: 80, asOf: '2021-01-04' },
      head(lead),
    );
    const { noticeId } = await call('tasks.issueSupervisionNotice', {
      taskId,
      level: 'blue',
      toUnitId: lead,
      subject: '提示',
      body: '请报告',
      replyDueDate: '2021-01-20',
    });
    await call('tasks.answerSupervisionNotice', { taskId, noticeId, answer: '已部署' }, head(lead));
    await call(
      'tasks.issueLeadershipInstruction',
      { taskId, text: '抓紧', addressedToUnitIds: [lead] },
      leader,
    );
    if (i === 1) {
      await call(
        'tasks.recordAccountability',
        {
          taskId,
          against: { kind: 'unit', id: lead },
          kind: 'interview',
          reason: '滞后',
          scoreDeduction: 1,
        },
        inspector,
      );
    }
    return { taskId, lead, milestones };
  };

  beforeAll(async () => {
    sys = await startTestSystem({}, { clock });
    dataDir = sys.dataDir;
    for (const [id, name] of [
      ['edu', '教育局'],
      ['env', '生态环境局'],
      ['land', '自然资源局'],
    ]) {
      await call('directory.registerUnit', { id, name });
    }
    const tasks = [];
    for (let i = 0; i < 6; i++) tasks.push(await playTask(i));
    clock.set('2021-03-02T01:00:00Z');
    await call('supervision.runClock', {}, office);
    const [done, transferred, , suspended, terminated] = tasks;
    for (const milestoneId of done!.milestones) {
      await call(
        'tasks.completeMilestone',
        { taskId: done!.taskId, milestoneId },
        head(done!.lead),
      );
    }
    await call(
      'tasks.reportTaskCompletion',
      { taskId: done!.taskId, summary: '完成' },
      head(done!.lead),
    );
    await call('tasks.rejectTaskCompletion', { taskId: done!.taskId, reason: '材料不全' });
    await call(
      'tasks.reportTaskCompletion',
      { taskId: done!.taskId, summary: '补齐' },
      head(done!.lead),
    );
    await call('tasks.acceptTaskCompletion', { taskId: done!.taskId });
    await call('tasks.transferTask', {
      taskId: transferred!.taskId,
      toUnitId: 'edu',
      reason: '归口',
    });
    const fresh = await call('tasks.registerTask', {
      title: '退回的任务',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
    await call('tasks.assignTask', { taskId: fresh.id, leadUnitId: 'env' });
    await call('tasks.returnTask', { taskId: fresh.id, reason: '不属本单位' }, head('env'));
    await call('tasks.acceptReturn', { taskId: fresh.id, toUnitId: 'edu', reason: '归口' });
    await call('tasks.proposeSuspension', { taskId: suspended!.taskId, reason: '资金冻结' });
    await call('tasks.approveLifecycleChange', { taskId: suspended!.taskId }, leader);
    await call('tasks.terminateTask', { taskId: terminated!.taskId, reason: '计划取消' }, leader);
    clock.set('2021-07-05T01:00:00Z');
    await call('supervision.runClock', {}, office);
    await sys.settled();
    incremental = await everyDocument(sys.system.stores.readModels);
    lastPosition = await sys.lastPosition();
    await sys.stop({ keepData: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('builds every read model from the year, so the comparison means something', () => {
    expect(lastPosition).toBeGreaterThan(100);
    for (const collection of ['tasks', 'task_list', 'units']) {
      expect(incremental[collection]?.length).toBeGreaterThan(0);
    }
    const statuses = (incremental.tasks as { status: string }[]).map((task) => task.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['closed', 'suspended', 'terminated', 'assigned', 'in_progress']),
    );
  });

  it('gives documents identical to the incrementally built ones', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(temp, 'fresh.sqlite') });
    const rebuilt = await rebuildReadModels({
      eventStore,
      readModels,
      projections: allProjections,
    });
    expect(rebuilt).toEqual({ events: lastPosition, position: lastPosition });
    expect(await everyDocument(readModels)).toEqual(incremental);
    expect(await readModels.getCheckpoint('main')).toBe(lastPosition);
    await readModels.close();
    await eventStore.close();
  });

  it('gives the same documents in small pages committed along the way', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(temp, 'paged.sqlite') });
    const commits: number[] = [];
    await rebuildReadModels({
      eventStore,
      readModels,
      projections: allProjections,
      batchSize: 7,
      commitEvery: 50,
      onCommit: ({ position }) => commits.push(position),
    });
    expect(commits.length).toBeGreaterThan(2);
    expect(commits.at(-1)).toBe(lastPosition);
    expect(await everyDocument(readModels)).toEqual(incremental);
    await readModels.close();
    await eventStore.close();
  });

  it('gives the same documents and versions holding a few documents at a time', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const whole = openEmbeddedReadModelStore({ path: path.join(temp, 'whole.sqlite') });
    const bounded = openEmbeddedReadModelStore({ path: path.join(temp, 'bounded.sqlite') });
    const commits: number[] = [];
    await rebuildReadModels({ eventStore, readModels: whole, projections: allProjections });
    await rebuildReadModels({
      eventStore,
      readModels: bounded,
      projections: allProjections,
      batchSize: 7,
      keptDocuments: 5,
      onCommit: ({ position }) => commits.push(position),
    });
    // Let go past 5 documents: a commit every page or two, not one at the end.
    expect(commits.length).toBeGreaterThan(10);
    expect(await everyDocument(bounded)).toEqual(incremental);
    let versions = 0;
    for (const collection of temporalCollections(allProjections).keys()) {
      const kept = [...bounded.versionsOf(collection)];
      versions += kept.length;
      expect(kept).toEqual([...whole.versionsOf(collection)]);
    }
    expect(versions).toBeGreaterThan(20);
    await whole.close();
    await bounded.close();
    await eventStore.close();
  });

  it('gives the same documents and versions letting documents go and reading them back', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const whole = openEmbeddedReadModelStore({ path: path.join(temp, 'whole-again.sqlite') });
    const bounded = openEmbeddedReadModelStore({ path: path.join(temp, 'let-go.sqlite') });
    const counted = countingReads(eventStore);
    await rebuildReadModels({ eventStore, readModels: whole, projections: allProjections });
    // In one part: the log is read once, its documents read back as pages touch them.
    await rebuildReadModels({
      eventStore: counted,
      readModels: bounded,
      projections: allProjections,
      batchSize: 7,
      keptDocuments: 5,
      maxParts: 1,
    });
    expect(counted.reads()).toBe(Math.ceil(lastPosition / 7) + 1);
    expect(await bounded.getCheckpoint('main:rebuild')).toBe(0);
    expect(await everyDocument(bounded)).toEqual(incremental);
    for (const collection of temporalCollections(allProjections).keys()) {
      expect([...bounded.versionsOf(collection)]).toEqual([...whole.versionsOf(collection)]);
    }
    await whole.close();
    await bounded.close();
    await eventStore.close();
  });

  it('builds the documents in parts, each in a pass over the log, the checkpoint kept where they began until the last is done', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const parted = openEmbeddedReadModelStore({ path: path.join(temp, 'parted.sqlite') });
    let commits = 0;
    const stopped = rebuildReadModels({
      eventStore,
      readModels: parted,
      projections: allProjections,
      batchSize: 10,
      keptDocuments: 15,
      onCommit: () => {
        commits += 1;
        if (commits === 3) throw new Error('the rebuild stopped here');
      },
    });
    await expect(stopped).rejects.toThrow('the rebuild stopped here');
    // Stopped in a pass over a part: the checkpoint is where the passes began,
    // and the projector goes on from there to the same documents.
    const began = await parted.getCheckpoint('main');
    expect(began).toBeGreaterThan(0);
    expect(began).toBeLessThan(lastPosition);
    expect(await parted.getCheckpoint('main:rebuild')).toBeGreaterThan(0);
    await createProjector({
      projectorId: 'main',
      eventStore,
      readModels: parted,
      projections: allProjections,
      batchSize: 1000,
    }).catchUp();
    expect(await everyDocument(parted)).toEqual(incremental);

    // Run to the end: every part built, the checkpoint at the log's end.
    const counted = countingReads(eventStore);
    const rebuilt = await rebuildReadModels({
      eventStore: counted,
      readModels: parted,
      projections: allProjections,
      batchSize: 10,
      keptDocuments: 15,
    });
    expect(rebuilt).toEqual({ events: lastPosition, position: lastPosition });
    expect(await parted.getCheckpoint('main')).toBe(lastPosition);
    // More than one pass over the log.
    const onePass = Math.ceil(lastPosition / 10) + 1;
    expect(counted.reads()).toBeGreaterThan(onePass * 1.5);
    expect(await everyDocument(parted)).toEqual(incremental);
    await parted.close();
    await eventStore.close();
  });

  it('stops at the position asked, as the projector was then', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(temp, 'until.sqlite') });
    const rebuilt = await rebuildReadModels({
      eventStore,
      readModels,
      projections: allProjections,
      until: 40,
    });
    expect(rebuilt).toEqual({ events: 40, position: 40 });
    const tasks = (await readModels.find<{ position: number }>('tasks')).items;
    expect(Math.max(...tasks.map((task) => task.position))).toBeLessThanOrEqual(40);
    await readModels.close();
    await eventStore.close();
  });

  it('stops at the position asked over a log whose positions have gaps', async () => {
    const eventStore = sparseEventStore(
      openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') }),
    );
    const readModels = openEmbeddedReadModelStore({ path: path.join(temp, 'sparse.sqlite') });
    const until = (await eventStore.readAll({ after: 0, limit: 40 })).at(-1)!.position;
    const rebuilt = await rebuildReadModels({
      eventStore,
      readModels,
      projections: allProjections,
      batchSize: 15,
      until,
    });
    expect(rebuilt).toEqual({ events: 40, position: until });
    await readModels.close();
    await eventStore.close();
  });

  it('is confirmed by npm run rebuild -- --verify, which changes nothing', async () => {
    const result = rebuildCommand(dataDir, '--verify');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^rebuilt \d+ events through \d+ projections in .* events\/s$/m);
    expect(result.stdout).toMatch(/^identical: \d+ documents in \d+ collections$/m);
    const readModels = openEmbeddedReadModelStore({
      path: path.join(dataDir, 'read-models.sqlite'),
    });
    expect(await everyDocument(readModels)).toEqual(incremental);
    await readModels.close();
  });

  it('names the first difference when a stored document was changed behind the system’s back', async () => {
    const copy = copyOfData(dataDir, 'tampered');
    const readModels = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    const [task] = (await readModels.find<Record<string, unknown>>('tasks', { limit: 1 })).items;
    const tampered = { ...task, progress: 99.5 };
    await readModels.commit(
      'tamper',
      [{ collection: 'tasks', id: String(task?.id), doc: tampered }],
      {
        from: 0,
        to: 1,
      },
    );
    await readModels.close();
    const result = rebuildCommand(copy, '--verify');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `different: tasks/${task?.id} differs at progress: stored 99.5, rebuilt`,
    );
  });

  it('compares every kept version by day too, and names one changed behind the system’s back', async () => {
    const agreed = rebuildCommand(dataDir, '--verify');
    const versions = Number(/^identical: (\d+) versions by day$/m.exec(agreed.stdout)?.[1]);
    expect(versions).toBeGreaterThan(20);

    const copy = copyOfData(dataDir, 'kept-version');
    const readModels = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    const { value: version } = readModels.versionsOf('board_tasks').next();
    if (!version?.doc) throw new Error('expected a kept version of a task');
    await readModels.commit('tamper', [], { from: 0, to: 1 }, [
      { ...version, doc: { ...version.doc, title: '改过的标题' } },
    ]);
    await readModels.close();
    const refused = rebuildCommand(copy, '--verify');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      `different: the version board_tasks/${version.id}@${version.day} differs at title: stored "改过的标题"`,
    );
  });

  it("checks the overview's kept past days against the log, and names one changed behind its back", async () => {
    const copy = copyOfData(dataDir, 'kept-lights');
    const eventStore = openSqliteEventStore({ path: path.join(copy, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    const kept = createDayLightsSource({
      readModels,
      compute: (days) => lightsFromLog(eventStore, days),
    });
    const [january, june] = await kept.lightsOn(['2021-01-31', '2021-06-30']);
    expect(june?.sections.length).toBeGreaterThan(0);
    await readModels.close();
    await eventStore.close();
    // The two kept here, and any the system kept while it ran.
    expect(agreeingDays(copy, "the chart's")).toBeGreaterThanOrEqual(2);

    const tampering = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    const [section] = june?.sections ?? [];
    const changed = { ...june, sections: [{ ...section, red: (section?.red ?? 0) + 5 }] };
    await tampering.commit(
      'tamper',
      [{ collection: 'board_day_lights', id: '2021-06-30', doc: { id: '2021-06-30', ...changed } }],
      { from: 0, to: 1 },
    );
    await tampering.close();
    const refused = rebuildCommand(copy, '--verify');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('different: board_day_lights/2021-06-30 differs at sections');
    expect(january?.day).toBe('2021-01-31');
  });

  it("checks the overview's kept digests against the log, and names one changed behind its back", async () => {
    const copy = copyOfData(dataDir, 'kept-digests');
    const eventStore = openSqliteEventStore({ path: path.join(copy, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    const past = createBoardsCompute({ eventStore, readModels });
    const days = ['2021-02-28', '2021-03-01', '2021-06-29', '2021-06-30'];
    expect(await past.closeDays(days)).toBe(4);
    await readModels.close();
    await eventStore.close();
    // The four kept here, and any the system kept while it ran.
    expect(agreeingDays(copy, "the overview's")).toBeGreaterThanOrEqual(4);

    const tampering = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    const june = await tampering.get<Record<string, unknown>>('board_day_overviews', '2021-06-30');
    await tampering.commit(
      'tamper',
      [{ collection: 'board_day_overviews', id: '2021-06-30', doc: { ...june, ranking: [] } }],
      { from: 0, to: 1 },
    );
    await tampering.close();
    const refused = rebuildCommand(copy, '--verify');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      'different: board_day_overviews/2021-06-30 differs at ranking',
    );
  });

  it('rebuilds in place with npm run rebuild, to the same documents', async () => {
    const copy = copyOfData(dataDir, 'in-place');
    const result = rebuildCommand(copy);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^rebuilt ${lastPosition} events through`));
    const readModels = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    expect(await everyDocument(readModels)).toEqual(incremental);
    expect(await readModels.getCheckpoint('main')).toBe(lastPosition);
    await readModels.close();
  });

  it('keeps the overviews of the past days a node keeps ahead, so its closer finds none to compute', async () => {
    const copy = copyOfData(dataDir, 'past-days');
    const settings = { CLOCK: '2022-01-10T02:00:00Z', BOARDS_KEPT_DAYS: '30' };
    const result = rebuildWith(settings, copy);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^kept the overviews of 30 past days \(BOARDS_KEPT_DAYS=30\) in /m,
    );
    const eventStore = openSqliteEventStore({ path: path.join(copy, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(copy, 'read-models.sqlite') });
    try {
      // From 30 days before yesterday to yesterday, by the clock the nodes run on.
      expect(await isDigestKept(readModels, '2021-12-11')).toBe(true);
      expect(await isDigestKept(readModels, '2022-01-09')).toBe(true);
      expect(await isDigestKept(readModels, '2021-12-10')).toBe(false);
      expect(await isDigestKept(readModels, '2022-01-10')).toBe(false);
      const again = { eventStore, readModels, today: '2022-01-10', keptDays: 30 };
      expect(await keepPastDays(again)).toBe(0);
    } finally {
      await readModels.close();
      await eventStore.close();
    }
    expect(agreeingDays(copy, "the overview's")).toBeGreaterThanOrEqual(30);
    const none = rebuildWith(
      { ...settings, BOARDS_KEPT_DAYS: '0' },
      copyOfData(dataDir, 'no-days'),
    );
    expect(none.stdout).toMatch(/^kept the overviews of 0 past days \(BOARDS_KEPT_DAYS=0\) in /m);
  });

  it('leaves the past days to the nodes, saying why, when the worker cannot keep them; the rebuild stands', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(temp, 'left.sqlite') });
    // A worker whose stores cannot be opened: every pass it is asked for fails.
    const broken = path.join(temp, 'broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'events.sqlite'), 'not a database');
    const compute = boardsComputeInWorker({
      stores: { dataDir: broken, sqliteSynchronous: 'NORMAL' },
      cachedDays: 1,
      memoryMb: 256,
    });
    try {
      await rebuildReadModels({ eventStore, readModels, projections: allProjections });
      const warnings: string[] = [];
      const options = { eventStore, readModels, today: '2022-01-10', keptDays: 30, compute };
      expect(await keepPastDaysOrLeave(options, (message) => warnings.push(message))).toBeNull();
      expect(warnings).toEqual([
        expect.stringMatching(
          /^the past days' overviews were not kept \(the boards failed: .+\); the nodes compute them when they start$/,
        ),
      ]);
      expect(await isDigestKept(readModels, '2022-01-09')).toBe(false);
      // The read models as rebuilt.
      expect(await everyDocument(readModels)).toEqual(incremental);
    } finally {
      await readModels.close();
      await eventStore.close();
    }
  }, 60_000);

  it('refuses a data directory without an event log', () => {
    const result = rebuildCommand(path.join(temp, 'nothing-here'), '--verify');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rebuild: no event log at /);
  });
});
