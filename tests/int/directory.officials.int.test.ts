import type { Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const office: Actor = { id: 'office-1', role: 'office' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const clockActor: Actor = { id: 'clock', role: 'system' };

let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' });
  for (const id of ['edu', 'env']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
});
afterAll(() => sys.stop());

const call = <T = Record<string, unknown>>(action: string, params: object, actor: Actor) =>
  sys.system.broker.call<T, object>(action, params, { meta: { actor } });

/** Expects the call refused with `code` (naming `field` when given) and the store unchanged. */
const refused = async (
  action: string,
  params: object,
  actor: Actor,
  code: string,
  field?: string,
) => {
  const before = await sys.lastPosition();
  const error = await call(action, params, actor).then(
    () => null,
    (failure: Errors.MoleculerError) => failure,
  );
  expect(error?.type).toBe(code);
  if (field !== undefined)
    expect((error?.data as { field?: string } | undefined)?.field).toBe(field);
  expect(await sys.lastPosition()).toBe(before);
};

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

  it('is refused as FORBIDDEN for a leader', async () => {
    await refused(
      'directory.registerOfficial',
      { name: '钱某', title: '局长' },
      leader,
      'FORBIDDEN',
    );
  });

  it('is refused as VALIDATION naming title when it is too long', async () => {
    await refused(
      'directory.registerOfficial',
      { name: '钱某', title: '长'.repeat(101) },
      office,
      'VALIDATION',
      'title',
    );
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

  it('are read by no one without a human role (FORBIDDEN)', async () => {
    await refused('directory.officials', {}, clockActor, 'FORBIDDEN');
  });

  it('refuse a post outside the four posts (VALIDATION naming post)', async () => {
    await refused(
      'directory.assignPost',
      { officialId: 'wu', unitId: 'edu', post: 'mayor', from: '2021-01-01' },
      office,
      'VALIDATION',
      'post',
    );
  });

  it('refuse a unit the directory does not know (NOT_FOUND naming unitId)', async () => {
    await refused(
      'directory.assignPost',
      { officialId: 'wu', unitId: 'nowhere', post: 'contact', from: '2021-01-01' },
      office,
      'NOT_FOUND',
      'unitId',
    );
  });

  it('refuse a start that is no date (VALIDATION naming from)', async () => {
    await refused(
      'directory.assignPost',
      { officialId: 'wu', unitId: 'edu', post: 'contact', from: 'next week' },
      office,
      'VALIDATION',
      'from',
    );
  });

  it('refuse an assignment by a department head (FORBIDDEN)', async () => {
    await refused(
      'directory.assignPost',
      { officialId: 'wu', unitId: 'edu', post: 'contact', from: '2021-01-01' },
      { id: 'head-edu', role: 'department_head', unitId: 'edu' },
      'FORBIDDEN',
    );
  });

  it('refuse to vacate a post not held (ILLEGAL_STATE naming post)', async () => {
    await refused(
      'directory.vacatePost',
      { officialId: 'zhou', unitId: 'env', post: 'main_leader', on: '2021-05-01' },
      office,
      'ILLEGAL_STATE',
      'post',
    );
  });

  it('refuse a vacating by a leader (FORBIDDEN)', async () => {
    await refused(
      'directory.vacatePost',
      { officialId: 'wu', unitId: 'env', post: 'contact', on: '2021-05-01' },
      leader,
      'FORBIDDEN',
    );
  });

  it('refuse a holders question about an unknown unit (NOT_FOUND naming unitId)', async () => {
    await refused(
      'directory.holders',
      { unitId: 'nowhere', date: '2021-03-01' },
      leader,
      'NOT_FOUND',
      'unitId',
    );
  });

  it('refuse a holders question without a date (VALIDATION naming date)', async () => {
    await refused('directory.holders', { unitId: 'edu' }, leader, 'VALIDATION', 'date');
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
