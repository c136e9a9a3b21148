import type { Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import { brokerCalls, head, inspector, leader, office } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const clockActor: Actor = { id: 'clock', role: 'system' };

let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' });
  for (const id of ['edu', 'env']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
});
afterAll(() => sys.stop());

const { call, refused } = brokerCalls(() => sys);

const streamOf = async (officialId: string) =>
  (await sys.system.stores.eventStore.readStream(`official-${officialId}`)).map(
    ({ type, data }) => ({ type, data }),
  );

type Holder = { officialId: string; post: string; from: string; vacatedOn: string | null };

describe('registering an official (干部)', () => {
  it('keeps the id the office chose', async () => {
    const answer = await call(
      'directory.registerOfficial',
      { id: 'li', name: '李某', title: '局长' },
      office,
    );

    expect(answer).toEqual({ id: 'li', revision: 0, position: await sys.lastPosition() });
    expect(await streamOf('li')).toEqual([
      { type: 'OfficialRegistered', data: { officialId: 'li', name: '李某', title: '局长' } },
    ]);
  });

  it('generates the same id for a retry with the same key, and appends once', async () => {
    const before = await sys.lastPosition();
    const params = { name: '赵某', title: '副局长', idempotencyKey: 'official-zhao' };

    const first = await call<{ id: string }>('directory.registerOfficial', params, office);
    const retry = await call<{ id: string }>('directory.registerOfficial', params, office);

    expect(retry).toEqual(first);
    expect(await sys.lastPosition()).toBe(before + 1);
    expect(await streamOf(first.id)).toHaveLength(1);
  });

  it.each([
    {
      name: 'is refused as FORBIDDEN for a leader',
      title: '局长',
      actor: leader,
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming title when it is too long',
      title: '长'.repeat(101),
      actor: office,
      code: 'VALIDATION',
      field: 'title',
    },
  ])('$name', async ({ title, actor, code, field }) => {
    await refused('directory.registerOfficial', { name: '钱某', title }, actor, code, field);
  });

  it('is refused as ILLEGAL_STATE for an id already registered', async () => {
    await call('directory.registerOfficial', { id: 'sun', name: '孙某', title: '局长' }, office);
    await refused(
      'directory.registerOfficial',
      { id: 'sun', name: '孙某', title: '局长' },
      office,
      'ILLEGAL_STATE',
      'officialId',
    );
  });
});

describe('the posts an official holds (任职)', () => {
  beforeAll(async () => {
    await call('directory.registerOfficial', { id: 'zhou', name: '周某', title: '局长' }, office);
    await call('directory.registerOfficial', { id: 'wu', name: '吴某', title: '局长' }, office);
    const post = { unitId: 'edu', post: 'unit_head' };
    await call('directory.assignPost', { officialId: 'zhou', ...post, from: '2021-01-01' }, office);
    await call('directory.vacatePost', { officialId: 'zhou', ...post, on: '2021-07-01' }, office);
    await call('directory.assignPost', { officialId: 'wu', ...post, from: '2021-07-01' }, office);
    await call(
      'directory.assignPost',
      { officialId: 'wu', unitId: 'env', post: 'contact', from: '2021-03-01' },
      office,
    );
  });

  const holders = (params: object, actor: Actor = inspector) =>
    call<Holder[]>('directory.holders', params, actor);

  it('answer who was responsible for a unit on a given day', async () => {
    const before = await holders({ unitId: 'edu', post: 'unit_head', date: '2021-06-30' });
    const after = await holders({ unitId: 'edu', post: 'unit_head', date: '2021-07-01' });

    expect(before).toMatchObject([
      {
        officialId: 'zhou',
        from: '2021-01-01',
        vacatedOn: '2021-07-01',
        official: { name: '周某' },
      },
    ]);
    expect(after).toMatchObject([{ officialId: 'wu', from: '2021-07-01', vacatedOn: null }]);
  });

  it('list every post of the unit held that day when no post is named', async () => {
    const held = await holders({ unitId: 'env', date: '2021-03-01' });
    expect(held.map(({ officialId, post }) => ({ officialId, post }))).toEqual([
      { officialId: 'wu', post: 'contact' },
    ]);
  });

  it('name nobody before anyone held the post', async () => {
    expect(await holders({ unitId: 'edu', post: 'unit_head', date: '2020-12-31' })).toEqual([]);
  });

  it('are listed with each official', async () => {
    const officials = await call<{ id: string; posts: unknown[] }[]>(
      'directory.officials',
      {},
      leader,
    );
    expect(officials.find(({ id }) => id === 'wu')).toMatchObject({
      name: '吴某',
      title: '局长',
      posts: [
        { unitId: 'edu', post: 'unit_head', from: '2021-07-01', vacatedOn: null },
        { unitId: 'env', post: 'contact', from: '2021-03-01', vacatedOn: null },
      ],
    });
  });

  it.each([
    {
      name: 'are read by no one without a human role (FORBIDDEN)',
      action: 'directory.officials',
      params: {},
      actor: clockActor,
      code: 'FORBIDDEN',
    },
    {
      name: 'refuse a post outside the four posts (VALIDATION naming post)',
      action: 'directory.assignPost',
      params: { officialId: 'wu', unitId: 'edu', post: 'mayor', from: '2021-01-01' },
      actor: office,
      code: 'VALIDATION',
      field: 'post',
    },
    {
      name: 'refuse a unit the directory does not know (NOT_FOUND naming unitId)',
      action: 'directory.assignPost',
      params: { officialId: 'wu', unitId: 'nowhere', post: 'contact', from: '2021-01-01' },
      actor: office,
      code: 'NOT_FOUND',
      field: 'unitId',
    },
    {
      name: 'refuse a start that is no date (VALIDATION naming from)',
      action: 'directory.assignPost',
      params: { officialId: 'wu', unitId: 'edu', post: 'contact', from: 'next week' },
      actor: office,
      code: 'VALIDATION',
      field: 'from',
    },
    {
      name: 'refuse an assignment by a department head (FORBIDDEN)',
      action: 'directory.assignPost',
      params: { officialId: 'wu', unitId: 'edu', post: 'contact', from: '2021-01-01' },
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
    {
      name: 'refuse to vacate a post not held (ILLEGAL_STATE naming post)',
      action: 'directory.vacatePost',
      params: { officialId: 'zhou', unitId: 'env', post: 'main_leader', on: '2021-05-01' },
      actor: office,
      code: 'ILLEGAL_STATE',
      field: 'post',
    },
    {
      name: 'refuse a vacating by a leader (FORBIDDEN)',
      action: 'directory.vacatePost',
      params: { officialId: 'wu', unitId: 'env', post: 'contact', on: '2021-05-01' },
      actor: leader,
      code: 'FORBIDDEN',
    },
    {
      name: 'refuse a holders question about an unknown unit (NOT_FOUND naming unitId)',
      action: 'directory.holders',
      params: { unitId: 'nowhere', date: '2021-03-01' },
      actor: leader,
      code: 'NOT_FOUND',
      field: 'unitId',
    },
    {
      name: 'refuse a holders question without a date (VALIDATION naming date)',
      action: 'directory.holders',
      params: { unitId: 'edu' },
      actor: leader,
      code: 'VALIDATION',
      field: 'date',
    },
  ])('$name', async ({ action, params, actor, code, field }) => {
    await refused(action, params, actor, code, field);
  });
});

describe('the directory asked which officials exist', () => {
  it('answers from the officials’ streams', async () => {
    await call('directory.registerOfficial', { id: 'zheng', name: '郑某', title: '主任' }, office);
    const known = await call<string[]>(
      'directory.knownOfficials',
      { ids: ['zheng', 'nobody', 42] },
      clockActor,
    );
    expect(known).toEqual(['zheng']);
  });

  it('answers no caller without an actor (FORBIDDEN)', async () => {
    const error = await sys.system.broker.call('directory.knownOfficials', { ids: ['zheng'] }).then(
      () => null,
      (failure: Errors.MoleculerError) => failure,
    );
    expect(error?.type).toBe('FORBIDDEN');
  });
});
