import type { Operation } from '../../contracts/permissions.ts';
import { permittedCallerOf } from '../support/matrix-callers.ts';
import type { HttpCase } from '../support/matrix-cases.ts';
import { matrixCases } from '../support/matrix-cases.ts';
import type { InputLeaf } from '../support/matrix-input-rules.ts';
import { inputLeaves, pathOf, sameField, withLeaf } from '../support/matrix-input-rules.ts';
import type { Scenario } from '../support/matrix-scenario.ts';
import { startScenario } from '../support/matrix-scenario.ts';
import type { GraphQLResponse } from '../support/test-system.ts';

/**
 * The input rules at the edge, field by field: every text
 * field has a maximum length, every id its format, every day a real calendar
 * day in a sane range, every flag true or false, every bounded number its bounds, every evidence entry
 * a file name, a SHA-256 of 64 hex digits and a size. Each mutation gets a valid
 * input from the permission walk's cases, then one field at a time is broken:
 * the answer is VALIDATION naming that field and the rule, and nothing is stored.
 */
const outOfRule: Readonly<Record<string, readonly unknown[]>> = {
  String: ['x'.repeat(10_001)],
  ID: ['', 'has spaces', 'x'.repeat(65), 'ünïcode'],
  Date: ['2021-02-30', '1999-12-31', '2101-01-01', '2021-3-1', '2021-03-01T08:00:00Z'],
  enum: ['NOT_A_VALUE', ''],
  Boolean: ['yes', 1],
};

/** Numbers with bounds, by field: values just outside them. */
const outOfBounds: Readonly<Record<string, readonly unknown[]>> = {
  percent: [-1, 101],
  weight: [0, 100.5],
  scoreDeduction: [-0.5, 100.5],
  points: [-0.5, 100.5],
  level: [0, 3],
  version: [0],
  year: [1999, 2101],
  reminderLeadDays: [-1, 61],
  'lights.yellowBehindPoints': [-0.5, 100.5],
  'lights.redBehindPoints': [-0.5, 100.5],
  'lights.yellowDueWithinDays': [-1, 61],
  'escalation.toResponsibleLeaderAfterDays': [-1, 61],
  'escalation.toMainLeaderAfterDays': [-1, 61],
  'scoring.leadUnitFailedTask': [0.5, -100.5],
  'scoring.cooperatingUnitFailedTask': [0.5, -100.5],
  'scoring.pingPongPerUnit': [0.5, -100.5],
  'scoring.accountabilityDeductionCap': [0.5, -100.5],
  'scoring.bonusPerAwardMax': [-0.5, 100.5],
  'scoring.bonusCapPerPeriod': [-0.5, 100.5],
  'evidence[0].size': [-1],
  'matters.limits[0].workingDays': [0, 251],
  'matters.redoWorkingDays': [0, 251],
  'matters.dissatisfiedDeduction': [0.5, -100.5],
  'timeLimits.signingWorkingDays': [0, 61],
  'timeLimits.urgeReplyWorkingDays': [0, 61],
  'timeLimits.noticeReplyWorkingDays.blue': [0, 61],
  'timeLimits.noticeReplyWorkingDays.yellow': [0, 61],
  'timeLimits.noticeReplyWorkingDays.red': [0, 61],
  'timeLimits.missedReportPoints': [0.5, -100.5],
  'timeLimits.lateReplyPoints': [0.5, -100.5],
  tolerance: [-1, 1e12 + 1],
  'subTasks[0].weight': [0, 100.5],
};

/** Numbers any value of which is a fact worth recording: targets, baselines, measurements. */
const unbounded = new Set(['target', 'baseline', 'value']);

/** Rules beyond a type's own: what makes a file evidence (佐证材料). */
const alsoOutOfRule: Readonly<Record<string, readonly unknown[]>> = {
  'evidence[0].sha256': ['A'.repeat(64), 'a'.repeat(63), 'g'.repeat(64)],
  'evidence[0].fileName': ['', '   '],
};

const badValuesOf = (leaf: InputLeaf): readonly unknown[] | null => {
  const path = pathOf(leaf.steps);
  // Either value of a flag is a fact: GraphQL refuses anything else before any rule.
  if (leaf.scalar === 'Boolean') return [];
  const numeric = leaf.scalar === 'Int' || leaf.scalar === 'Float';
  if (numeric) return unbounded.has(path) ? [] : (outOfBounds[path] ?? null);
  const own = outOfRule[leaf.scalar];
  return own ? [...own, ...(alsoOutOfRule[path] ?? [])] : null;
};

const mutationCases = (Object.keys(matrixCases) as Operation[]).flatMap((operation) =>
  matrixCases[operation]
    .filter((c): c is HttpCase => c.via === 'http' && c.kind === 'mutation' && !c.inputless)
    .map((c) => [c.field, operation, c] as const),
);

describe('input rules at the edge', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await startScenario();
  });
  afterAll(() => s.sys.stop());

  /** What went wrong with one broken field, or null when it was refused as it should be. */
  const misjudged = (result: GraphQLResponse, path: string, stored: boolean): string | null => {
    const [error, ...more] = result.errors ?? [];
    const { code, field, rule } = error?.extensions ?? {};
    if (stored) return 'stored an event';
    if (!error || more.length > 0)
      return `answered ${JSON.stringify(result.errors ?? result.data)}`;
    if (code !== 'VALIDATION' || !sameField(field, path) || typeof rule !== 'string') {
      return `answered ${JSON.stringify(error)}`;
    }
    return null;
  };

  describe.each(mutationCases)('%s', (field, operation, c) => {
    it('refuses each field out of its rule with VALIDATION naming it, and stores nothing', async () => {
      const caller = permittedCallerOf(operation).name;
      const { input } = (await c.prepare(s)) as { input: Record<string, unknown> };
      const problems: string[] = [];
      for (const leaf of inputLeaves(s.schema, field)) {
        const path = pathOf(leaf.steps);
        const values = badValuesOf(leaf);
        if (values === null) problems.push(`${path} (${leaf.scalar}): no rule to check`);
        for (const value of values ?? []) {
          const before = await s.sys.lastPosition();
          const broken = withLeaf(s.schema, field, input, leaf.steps, value);
          const result = await s.call('mutation', field, { input: broken }, caller);
          const wrong = misjudged(result, path, (await s.sys.lastPosition()) !== before);
          if (wrong) problems.push(`${path} = ${JSON.stringify(value).slice(0, 40)}: ${wrong}`);
        }
      }
      expect(problems).toEqual([]);
      // The input itself was valid: each refusal was about the one field broken.
      expect((await s.call('mutation', field, { input }, caller)).errors).toBeUndefined();
    });
  });

  // A literal the document gets wrong is the client's mistake (GRAPHQL_VALIDATION);
  // one the Date scalar refuses, or a variable's value, is the user's (VALIDATION).
  describe('an input error graphql-js finds before any service', () => {
    const sha = 'a'.repeat(64);
    it.each([
      [
        'a day of the wrong kind, inline',
        'VALIDATION',
        'mutation { registerTask(input: {title: "t", plannedStart: 5, dueDate: "2021-12-31"}) { id } }',
        'plannedStart',
        /ISO date/,
      ],
      [
        'a nested field left out, inline',
        'GRAPHQL_VALIDATION',
        `mutation { assignPost(input: {officialId: "o", unitId: "edu", post: MAIN_LEADER}) { revision } }`,
        'from',
        /is required/,
      ],
      [
        'a size beyond 32 bits in the second evidence entry, inline',
        'GRAPHQL_VALIDATION',
        `mutation { reportTaskCompletion(input: {taskId: "t", summary: "s", evidence: [
          {fileName: "a", sha256: "${sha}", size: 1}, {fileName: "b", sha256: "${sha}", size: 3000000000}
        ]}) { revision } }`,
        'evidence[1].size',
        /type Int/,
      ],
      [
        'a value not of the enum, inline',
        'GRAPHQL_VALIDATION',
        'mutation { assignPost(input: {officialId: "o", unitId: "edu", post: MAYOR, from: "2021-01-01"}) { revision } }',
        'post',
        /enum Post/,
      ],
      [
        'an argument the field does not take',
        'GRAPHQL_VALIDATION',
        'mutation { runClock(stray: 1) { day } }',
        'stray',
        /not an argument/,
      ],
      [
        'a document that does not parse',
        'GRAPHQL_VALIDATION',
        'mutation { registerUnit(input: {',
        'query',
        /valid GraphQL/,
      ],
    ])('in %s is %s naming the field and the rule', async (_case, code, query, field, rule) => {
      const before = await s.sys.lastPosition();
      const result = await s.sys.gql(query, {}, await s.sys.token('office'));
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code,
        field,
        rule: expect.stringMatching(rule),
      });
      expect(await s.sys.lastPosition()).toBe(before);
    });

    it('in a variable that is null names the variable', async () => {
      const query = 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }';
      const result = await s.sys.gql(query, { input: null }, await s.sys.token('office'));
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION',
        field: 'input',
        rule: 'must not be null',
      });
    });
  });
});
