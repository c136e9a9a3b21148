import type { Actor } from '../../contracts/actor.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, inspector, leader, office } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const sha256 = 'b'.repeat(64);

let sys: TestSystem;
const clock = settableClock('2021-03-01T02:00:00.000Z');

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' }, { clock });
  for (const id of ['edu', 'env', 'tech']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
  await call('directory.registerOfficial', { id: 'wang', name: '王某', title: '局长' }, office);
});
afterAll(() => sys.stop());

const { call, refused } = brokerCalls(() => sys);

/** The types and data of the task's events after its set-up (registered and assigned). */
const eventsAfterSetUp = async (taskId: string) =>
  (await sys.system.stores.eventStore.readStream(`task-${taskId}`, { fromRevision: 2 })).map(
    ({ type, data }) => ({ type, data }),
  );

/** A task led by edu with env cooperating. */
const newTask = async (): Promise<string> => {
  const { id } = await call(
    'tasks.registerTask',
    { title: '监测断面水质达标', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  await call(
    'tasks.assignTask',
    { taskId: id, leadUnitId: 'edu', cooperatingUnitIds: ['env'] },
    office,
  );
  return id as string;
};

/** Calls `action` twice with the same key: both answers, and the events appended. */
const retried = async (action: string, params: object, actor: Actor) => {
  const before = await sys.lastPosition();
  const first = await call(action, { ...params, idempotencyKey: `${action}-retry` }, actor);
  const retry = await call(action, { ...params, idempotencyKey: `${action}-retry` }, actor);
  return { first, retry, appended: (await sys.lastPosition()) - before };
};

const waterQuality = {
  name: '监测断面水质达标率',
  unitOfMeasure: '%',
  target: 89,
  comparison: 'gte',
  dueDate: '2021-12-31',
};

describe('an indicator (实效)', () => {
  it('is defined by the office with a generated id', async () => {
    const taskId = await newTask();

    const { indicatorId } = await call(
      'tasks.defineIndicator',
      { taskId, ...waterQuality },
      office,
    );

    expect(await eventsAfterSetUp(taskId)).toEqual([
      {
        type: 'IndicatorDefined',
        data: { taskId, indicatorId, ...waterQuality, baseline: null },
      },
    ]);
  });

  it('takes self-reported values from the lead unit and measured ones from the office', async () => {
    const taskId = await newTask();
    const { indicatorId } = await call(
      'tasks.defineIndicator',
      { taskId, ...waterQuality },
      office,
    );
    const evidence = [{ fileName: '监测月报.xlsx', sha256, size: 2048 }];

    await call(
      'tasks.reportIndicatorValue',
      { taskId, indicatorId, value: 87.5, asOf: '2021-02-28', evidence },
      head('edu'),
    );
    await call(
      'tasks.reportIndicatorValue',
      { taskId, indicatorId, value: 86, asOf: '2021-02-28' },
      office,
    );

    const reported = (await eventsAfterSetUp(taskId)).slice(1);
    expect(reported.map(({ data }) => data)).toMatchObject([
      { value: 87.5, source: 'self_reported', evidence, reportedByUnitId: 'edu' },
      { value: 86, source: 'measured', evidence: [], reportedByUnitId: null },
    ]);
  });

  it('returns the same indicator id for a retry with the same key, and appends once', async () => {
    const taskId = await newTask();
    const { first, retry, appended } = await retried(
      'tasks.defineIndicator',
      { taskId, ...waterQuality },
      office,
    );
    expect(retry.indicatorId).toBe(first.indicatorId);
    expect(appended).toBe(1);
  });

  it('is refused as FORBIDDEN when a department head defines one', async () => {
    const taskId = await newTask();
    await refused('tasks.defineIndicator', { taskId, ...waterQuality }, head('edu'), 'FORBIDDEN');
  });

  it('is refused as VALIDATION naming comparison outside gte, lte, eq', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.defineIndicator',
      { taskId, ...waterQuality, comparison: 'gt' },
      office,
      'VALIDATION',
      'comparison',
    );
  });

  it('is refused as VALIDATION naming target when it is no finite number', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.defineIndicator',
      { taskId, ...waterQuality, target: Number.POSITIVE_INFINITY },
      office,
      'VALIDATION',
      'target',
    );
  });

  it('refuses a value from a department head of another unit (FORBIDDEN)', async () => {
    const taskId = await newTask();
    const { indicatorId } = await call(
      'tasks.defineIndicator',
      { taskId, ...waterQuality },
      office,
    );
    await refused(
      'tasks.reportIndicatorValue',
      { taskId, indicatorId, value: 90, asOf: '2021-02-28' },
      head('tech'),
      'FORBIDDEN',
    );
  });

  it('refuses a value with an asOf that is no date (VALIDATION naming asOf)', async () => {
    const taskId = await newTask();
    const { indicatorId } = await call(
      'tasks.defineIndicator',
      { taskId, ...waterQuality },
      office,
    );
    await refused(
      'tasks.reportIndicatorValue',
      { taskId, indicatorId, value: 90, asOf: '28/02/2021' },
      head('edu'),
      'VALIDATION',
      'asOf',
    );
  });
});

const notice = {
  level: 'yellow',
  toUnitId: 'edu',
  subject: '关于加快推进水质提升的督办单',
  body: '请于3月10日前报送整改措施。',
  replyDueDate: '2021-03-10',
};

describe('a supervision notice (督办单)', () => {
  it('is issued by the office and answered by the unit it is addressed to', async () => {
    const taskId = await newTask();

    const { noticeId } = await call('tasks.issueSupervisionNotice', { taskId, ...notice }, office);
    await call(
      'tasks.answerSupervisionNotice',
      { taskId, noticeId, answer: '已制定整改方案' },
      head('edu'),
    );

    expect(await eventsAfterSetUp(taskId)).toEqual([
      { type: 'SupervisionNoticeIssued', data: { taskId, noticeId, ...notice } },
      {
        type: 'SupervisionNoticeAnswered',
        data: { taskId, noticeId, answer: '已制定整改方案', evidence: [] },
      },
    ]);
  });

  it('returns the same notice id for a retry with the same key, and appends once', async () => {
    const taskId = await newTask();
    const { first, retry, appended } = await retried(
      'tasks.issueSupervisionNotice',
      { taskId, ...notice },
      office,
    );
    expect(retry.noticeId).toBe(first.noticeId);
    expect(appended).toBe(1);
  });

  it('is refused as VALIDATION naming level outside blue, yellow, red', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.issueSupervisionNotice',
      { taskId, ...notice, level: 'green' },
      office,
      'VALIDATION',
      'level',
    );
  });

  it('is refused as FORBIDDEN when a leader issues one', async () => {
    const taskId = await newTask();
    await refused('tasks.issueSupervisionNotice', { taskId, ...notice }, leader, 'FORBIDDEN');
  });

  it('cannot be answered by a unit it is not addressed to (FORBIDDEN)', async () => {
    const taskId = await newTask();
    const { noticeId } = await call('tasks.issueSupervisionNotice', { taskId, ...notice }, office);
    await refused(
      'tasks.answerSupervisionNotice',
      { taskId, noticeId, answer: '已整改' },
      head('env'),
      'FORBIDDEN',
    );
  });

  it('cannot be answered blank (VALIDATION naming answer)', async () => {
    const taskId = await newTask();
    const { noticeId } = await call('tasks.issueSupervisionNotice', { taskId, ...notice }, office);
    await refused(
      'tasks.answerSupervisionNotice',
      { taskId, noticeId, answer: '' },
      head('edu'),
      'VALIDATION',
      'answer',
    );
  });
});

describe('a leadership instruction (批示)', () => {
  it('is issued by a leader to the units it names', async () => {
    const taskId = await newTask();

    const { instructionId } = await call(
      'tasks.issueLeadershipInstruction',
      { taskId, text: '请环保局全力配合', addressedToUnitIds: ['env'] },
      leader,
    );

    expect(await eventsAfterSetUp(taskId)).toEqual([
      {
        type: 'LeadershipInstructionIssued',
        data: { taskId, instructionId, text: '请环保局全力配合', addressedToUnitIds: ['env'] },
      },
    ]);
  });

  it('returns the same instruction id for a retry with the same key, and appends once', async () => {
    const taskId = await newTask();
    const { first, retry, appended } = await retried(
      'tasks.issueLeadershipInstruction',
      { taskId, text: '抓紧推进' },
      leader,
    );
    expect(retry.instructionId).toBe(first.instructionId);
    expect(appended).toBe(1);
  });

  it('is refused as NOT_FOUND naming the addressee the directory does not know', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.issueLeadershipInstruction',
      { taskId, text: '抓紧推进', addressedToUnitIds: ['env', 'nowhere'] },
      leader,
      'NOT_FOUND',
      'addressedToUnitIds[1]',
    );
  });

  it('is refused as VALIDATION naming addressedToUnitIds beyond 50 units', async () => {
    const taskId = await newTask();
    const many = Array.from({ length: 51 }, (_, i) => `unit-${i}`);
    await refused(
      'tasks.issueLeadershipInstruction',
      { taskId, text: '抓紧推进', addressedToUnitIds: many },
      leader,
      'VALIDATION',
      'addressedToUnitIds',
    );
  });

  it('is refused as FORBIDDEN for the office', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.issueLeadershipInstruction',
      { taskId, text: '抓紧' },
      office,
      'FORBIDDEN',
    );
  });
});

const interview = { kind: 'interview', reason: '进度严重滞后', scoreDeduction: 2 };

describe('an accountability record (问责)', () => {
  it('is recorded by an inspector against a unit, and by the office against an official', async () => {
    const taskId = await newTask();

    const unit = await call(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'unit', id: 'edu' }, ...interview },
      inspector,
    );
    const official = await call(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'official', id: 'wang' }, kind: 'warning', reason: '失职' },
      office,
    );

    expect(await eventsAfterSetUp(taskId)).toEqual([
      {
        type: 'AccountabilityRecorded',
        data: {
          taskId,
          recordId: unit.recordId,
          against: { kind: 'unit', id: 'edu' },
          ...interview,
        },
      },
      {
        type: 'AccountabilityRecorded',
        data: {
          taskId,
          recordId: official.recordId,
          against: { kind: 'official', id: 'wang' },
          kind: 'warning',
          reason: '失职',
          scoreDeduction: 0,
        },
      },
    ]);
  });

  it('returns the same record id for a retry with the same key, and appends once', async () => {
    const taskId = await newTask();
    const { first, retry, appended } = await retried(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'unit', id: 'edu' }, ...interview },
      inspector,
    );
    expect(retry.recordId).toBe(first.recordId);
    expect(appended).toBe(1);
  });

  it('is refused as NOT_FOUND naming against.id for an official the directory does not know', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'official', id: 'nobody' }, ...interview },
      inspector,
      'NOT_FOUND',
      'against.id',
    );
  });

  it('is refused as FORBIDDEN for a department head', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'unit', id: 'edu' }, ...interview },
      head('edu'),
      'FORBIDDEN',
    );
  });

  it('is refused as VALIDATION naming kind outside the kinds of accountability', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'unit', id: 'edu' }, ...interview, kind: 'fine' },
      inspector,
      'VALIDATION',
      'kind',
    );
  });

  it('is refused as VALIDATION naming scoreDeduction above 100', async () => {
    const taskId = await newTask();
    await refused(
      'tasks.recordAccountability',
      { taskId, against: { kind: 'unit', id: 'edu' }, ...interview, scoreDeduction: 101 },
      inspector,
      'VALIDATION',
      'scoreDeduction',
    );
  });
});
