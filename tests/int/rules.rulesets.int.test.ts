import type { Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { Ruleset } from '../../contracts/events/index.ts';
import { defaultRuleset } from '../../services/rules/domain/default-ruleset.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const office: Actor = { id: 'office-1', role: 'office' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const head: Actor = { id: 'head-edu', role: 'department_head', unitId: 'edu' };

let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' });
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

/** The defaults, stricter: yellow from 5 points behind, reminders 5 days ahead. */
const stricter = (version: number, inForceFrom: string): Ruleset => ({
  ...defaultRuleset,
  version,
  inForceFrom,
  lights: { ...defaultRuleset.lights, yellowBehindPoints: 5 },
  reminderLeadDays: 5,
  note: `第${version}版`,
});

describe('the rules before any version is published', () => {
  it('are the defaults, in force on any day', async () => {
    expect(await call('rules.inForce', { date: '2021-06-30' }, leader)).toEqual(defaultRuleset);
    expect(await call('rules.rulesets', {}, head)).toEqual([defaultRuleset]);
  });
});

describe('publishing rulesets (规则版本)', () => {
  let second: Record<string, unknown>;
  beforeAll(async () => {
    await call('rules.publishRuleset', stricter(1, '2021-01-01'), office);
    second = await call('rules.publishRuleset', stricter(2, '2021-07-01'), office);
  });

  it('answers with the version, revision and position', async () => {
    expect(second).toEqual({ version: 2, revision: 1, position: await sys.lastPosition() });
  });

  it('lists the defaults, then every published version in order', async () => {
    const versions = await call<Ruleset[]>('rules.rulesets', {}, leader);
    expect(versions.map(({ version }) => version)).toEqual([0, 1, 2]);
    expect(versions[1]).toEqual(stricter(1, '2021-01-01'));
  });

  it('answers for each day the version in force on that day', async () => {
    const onDay = async (date: string) =>
      (await call<Ruleset>('rules.inForce', { date }, head)).version;
    expect([
      await onDay('2020-12-31'),
      await onDay('2021-01-01'),
      await onDay('2021-06-30'),
      await onDay('2021-07-01'),
    ]).toEqual([0, 1, 1, 2]);
  });

  it('appends once for a retry with the same key', async () => {
    const before = await sys.lastPosition();
    const params = { ...stricter(3, '2021-09-01'), idempotencyKey: 'ruleset-3' };

    const first = await call('rules.publishRuleset', params, office);
    const retry = await call('rules.publishRuleset', params, office);

    expect(retry).toEqual(first);
    expect(await sys.lastPosition()).toBe(before + 1);
  });

  it('is refused as FORBIDDEN for a leader', async () => {
    await refused('rules.publishRuleset', stricter(10, '2021-12-01'), leader, 'FORBIDDEN');
  });

  it('is refused as VALIDATION naming lights.redBehindPoints above 100', async () => {
    const ruleset = stricter(10, '2021-12-01');
    await refused(
      'rules.publishRuleset',
      { ...ruleset, lights: { ...ruleset.lights, redBehindPoints: 120 } },
      office,
      'VALIDATION',
      'lights.redBehindPoints',
    );
  });

  it('is refused as VALIDATION naming scoring.leadUnitFailedTask when it is a gain', async () => {
    const ruleset = stricter(10, '2021-12-01');
    await refused(
      'rules.publishRuleset',
      { ...ruleset, scoring: { ...ruleset.scoring, leadUnitFailedTask: 5 } },
      office,
      'VALIDATION',
      'scoring.leadUnitFailedTask',
    );
  });

  it('is refused as VALIDATION naming version when it does not go up', async () => {
    await refused(
      'rules.publishRuleset',
      stricter(1, '2021-12-01'),
      office,
      'VALIDATION',
      'version',
    );
  });

  it('is refused as VALIDATION naming inForceFrom before the latest version took effect', async () => {
    await refused(
      'rules.publishRuleset',
      stricter(10, '2021-02-01'),
      office,
      'VALIDATION',
      'inForceFrom',
    );
  });

  it('cannot be read in force on a day that is no date (VALIDATION naming date)', async () => {
    await refused('rules.inForce', { date: '2021-13-01' }, leader, 'VALIDATION', 'date');
  });

  it('cannot be read by the clock through this door (FORBIDDEN)', async () => {
    await refused('rules.rulesets', {}, { id: 'clock', role: 'system' }, 'FORBIDDEN');
  });
});
