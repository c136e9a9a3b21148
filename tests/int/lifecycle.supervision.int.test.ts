import type { Actor } from '../../contracts/actor.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { head, inspector, leader, office } from '../support/broker-calls.ts';
import { lifecycleSystem } from '../support/lifecycle.ts';

const sha256 = 'b'.repeat(64);

const clock = settableClock('2021-03-01T02:00:00.000Z');
const { call, refused, eventsFrom, assignedTask, retried } = lifecycleSystem(
  ['edu', 'env', 'tech'],
  clock,
);
beforeAll(() =>
  call('directory.registerOfficial', { id: 'wang', name: '王某', title: '局长' }, office),
);

/** The types and data of the task's events after its set-up (registered and assigned). */
const eventsAfterSetUp = (taskId: string) => eventsFrom(taskId, 2);

/** A task led by edu with env cooperating. */
const newTask = (): Promise<string> => assignedTask('监测断面水质达标');

/**
 * A retry of `action` with the same idempotency key returns the id the first call
 * made, as `idField`, and only the first call appends an event.
 */
const answersARetryOnce = (
  noun: string,
  idField: string,
  action: string,
  params: (taskId: string) => object,
  actor: Actor,
) =>
  it(`returns the same ${noun} id for a retry with the same key, and appends once`, async () => {
    const taskId = await newTask();
    const { first, retry, appended } = await retried(action, params(taskId), actor);
    expect(retry[idField]).toBe(first[idField]);
    expect(appended).toBe(1);
  });

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

  answersARetryOnce(
    'indicator',
    'indicatorId',
    'tasks.defineIndicator',
    (taskId) => ({ taskId, ...waterQuality }),
    office,
  );

  it.each([
    {
      name: 'is refused as FORBIDDEN when a department head defines one',
      change: {},
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming comparison outside gte, lte, eq',
      change: { comparison: 'gt' },
      actor: office,
      code: 'VALIDATION',
      field: 'comparison',
    },
    {
      name: 'is refused as VALIDATION naming target when it is no finite number',
      change: { target: Number.POSITIVE_INFINITY },
      actor: office,
      code: 'VALIDATION',
      field: 'target',
    },
  ])('$name', async ({ change, actor, code, field }) => {
    const taskId = await newTask();
    await refused(
      'tasks.defineIndicator',
      { taskId, ...waterQuality, ...change },
      actor,
      code,
      field,
    );
  });

  it.each([
    {
      name: 'refuses a value from a department head of another unit (FORBIDDEN)',
      asOf: '2021-02-28',
      actor: head('tech'),
      code: 'FORBIDDEN',
    },
    {
      name: 'refuses a value with an asOf that is no date (VALIDATION naming asOf)',
      asOf: '28/02/2021',
      actor: head('edu'),
      code: 'VALIDATION',
      field: 'asOf',
    },
  ])('$name', async ({ asOf, actor, code, field }) => {
    const taskId = await newTask();
    const { indicatorId } = await call(
      'tasks.defineIndicator',
      { taskId, ...waterQuality },
      office,
    );
    await refused(
      'tasks.reportIndicatorValue',
      { taskId, indicatorId, value: 90, asOf },
      actor,
      code,
      field,
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
        data: {
          taskId,
          noticeId,
          answer: '已制定整改方案',
          evidence: [],
          answeredOn: '2021-03-01',
        },
      },
    ]);
  });

  answersARetryOnce(
    'notice',
    'noticeId',
    'tasks.issueSupervisionNotice',
    (taskId) => ({ taskId, ...notice }),
    office,
  );

  it.each([
    {
      name: 'is refused as VALIDATION naming level outside blue, yellow, red',
      change: { level: 'green' },
      actor: office,
      code: 'VALIDATION',
      field: 'level',
    },
    {
      name: 'is refused as FORBIDDEN when a leader issues one',
      change: {},
      actor: leader,
      code: 'FORBIDDEN',
    },
  ])('$name', async ({ change, actor, code, field }) => {
    const taskId = await newTask();
    await refused(
      'tasks.issueSupervisionNotice',
      { taskId, ...notice, ...change },
      actor,
      code,
      field,
    );
  });

  it.each([
    {
      name: 'cannot be answered by a unit it is not addressed to (FORBIDDEN)',
      answer: '已整改',
      actor: head('env'),
      code: 'FORBIDDEN',
    },
    {
      name: 'cannot be answered blank (VALIDATION naming answer)',
      answer: '',
      actor: head('edu'),
      code: 'VALIDATION',
      field: 'answer',
    },
  ])('$name', async ({ answer, actor, code, field }) => {
    const taskId = await newTask();
    const { noticeId } = await call('tasks.issueSupervisionNotice', { taskId, ...notice }, office);
    await refused(
      'tasks.answerSupervisionNotice',
      { taskId, noticeId, answer },
      actor,
      code,
      field,
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

  answersARetryOnce(
    'instruction',
    'instructionId',
    'tasks.issueLeadershipInstruction',
    (taskId) => ({ taskId, text: '抓紧推进' }),
    leader,
  );

  it.each([
    {
      name: 'is refused as NOT_FOUND naming the addressee the directory does not know',
      instruction: { text: '抓紧推进', addressedToUnitIds: ['env', 'nowhere'] },
      actor: leader,
      code: 'NOT_FOUND',
      field: 'addressedToUnitIds[1]',
    },
    {
      name: 'is refused as VALIDATION naming addressedToUnitIds beyond 50 units',
      instruction: {
        text: '抓紧推进',
        addressedToUnitIds: Array.from({ length: 51 }, (_, i) => `unit-${i}`),
      },
      actor: leader,
      code: 'VALIDATION',
      field: 'addressedToUnitIds',
    },
    {
      name: 'is refused as FORBIDDEN for the office',
      instruction: { text: '抓紧' },
      actor: office,
      code: 'FORBIDDEN',
    },
  ])('$name', async ({ instruction, actor, code, field }) => {
    const taskId = await newTask();
    await refused(
      'tasks.issueLeadershipInstruction',
      { taskId, ...instruction },
      actor,
      code,
      field,
    );
  });
});

const interview = { kind: 'interview', reason: '进度严重滞后', scoreDeduction: 2 };

describe('an accountability record (问责)', () => {
  it('is decided by an inspector against a unit; by the office against an official, a recommendation (问责建议)', async () => {
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
          status: 'decided',
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
          // A sanction of a person: the discipline bodies decide it, not the office.
          status: 'recommended',
        },
      },
    ]);
  });

  answersARetryOnce(
    'record',
    'recordId',
    'tasks.recordAccountability',
    (taskId) => ({ taskId, against: { kind: 'unit', id: 'edu' }, ...interview }),
    inspector,
  );

  it.each([
    {
      name: 'is refused as NOT_FOUND naming against.id for an official the directory does not know',
      record: { against: { kind: 'official', id: 'nobody' }, ...interview },
      actor: inspector,
      code: 'NOT_FOUND',
      field: 'against.id',
    },
    {
      name: 'is refused as FORBIDDEN for a department head',
      record: { against: { kind: 'unit', id: 'edu' }, ...interview },
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming kind outside the kinds of accountability',
      record: { against: { kind: 'unit', id: 'edu' }, ...interview, kind: 'fine' },
      actor: inspector,
      code: 'VALIDATION',
      field: 'kind',
    },
    {
      name: 'is refused as VALIDATION naming scoreDeduction above 100',
      record: { against: { kind: 'unit', id: 'edu' }, ...interview, scoreDeduction: 101 },
      actor: inspector,
      code: 'VALIDATION',
      field: 'scoreDeduction',
    },
  ])('$name', async ({ record, actor, code, field }) => {
    const taskId = await newTask();
    await refused('tasks.recordAccountability', { taskId, ...record }, actor, code, field);
  });
});
