import type { Actor } from '../../contracts/actor.ts';
import type { Ruleset } from '../../contracts/events/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { brokerCalls, leader, office } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const head: Actor = { id: 'head-edu', role: 'department_head', unitId: 'edu' };

let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' });
});
afterAll(() => sys.stop());

const { call, refused } = brokerCalls(() => sys);

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

  const ruleset = stricter(10, '2021-12-01');

  it.each([
    {
      name: 'is refused as FORBIDDEN for a leader',
      action: 'rules.publishRuleset',
      params: ruleset,
      actor: leader,
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming lights.redBehindPoints above 100',
      action: 'rules.publishRuleset',
      params: { ...ruleset, lights: { ...ruleset.lights, redBehindPoints: 120 } },
      actor: office,
      code: 'VALIDATION',
      field: 'lights.redBehindPoints',
    },
    {
      name: 'is refused as VALIDATION naming scoring.leadUnitFailedTask when it is a gain',
      action: 'rules.publishRuleset',
      params: { ...ruleset, scoring: { ...ruleset.scoring, leadUnitFailedTask: 5 } },
      actor: office,
      code: 'VALIDATION',
      field: 'scoring.leadUnitFailedTask',
    },
    {
      name: 'is refused as VALIDATION naming version when it does not go up',
      action: 'rules.publishRuleset',
      params: stricter(1, '2021-12-01'),
      actor: office,
      code: 'VALIDATION',
      field: 'version',
    },
    {
      name: 'is refused as VALIDATION naming inForceFrom before the latest version took effect',
      action: 'rules.publishRuleset',
      params: stricter(10, '2021-02-01'),
      actor: office,
      code: 'VALIDATION',
      field: 'inForceFrom',
    },
    {
      name: 'cannot be read in force on a day that is no date (VALIDATION naming date)',
      action: 'rules.inForce',
      params: { date: '2021-13-01' },
      actor: leader,
      code: 'VALIDATION',
      field: 'date',
    },
    {
      name: 'cannot be read by the clock through this door (FORBIDDEN)',
      action: 'rules.rulesets',
      params: {},
      actor: { id: 'clock', role: 'system' } as Actor,
      code: 'FORBIDDEN',
    },
  ])('$name', async ({ action, params, actor, code, field }) => {
    await refused(action, params, actor, code, field);
  });
});
