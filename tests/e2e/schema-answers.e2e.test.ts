import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { buildPublicSchema } from '../../gateway/schema/public-schema.ts';
import { loadConfig } from '../../infra/config/config.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * Every read of the schema, every field of its answer selected (to a depth),
 * asked on the demo year: an answer the schema cannot represent (an enum value
 * it does not declare, a null where it promises a value) fails here, whatever
 * the console happens to select.
 */

const schema = buildPublicSchema();
/** The roles that read, in the order tried: the first the read is not refused to answers. */
const readers = ['leader', 'inspector', 'office'] as const;
const pastDays = [null, '2021-03-31', '2021-06-30', '2021-09-30', '2021-11-30'];
type Field = GraphQLField<unknown, unknown>;

/** Arguments a field requires, from the demo's data, or null when the test has none for it. */
const requiredArguments = (field: Field, values: Record<string, string>): string | null => {
  const required = field.args.filter(
    (argument) => isNonNullType(argument.type) && argument.defaultValue === undefined,
  );
  const given: string[] = [];
  for (const argument of required) {
    const value = values[argument.name];
    if (value === undefined) return null;
    given.push(`${argument.name}: ${value}`);
  }
  const first = field.args.some((argument) => argument.name === 'first') ? ['first: 30'] : [];
  const all = [...given, ...first];
  return all.length > 0 ? `(${all.join(', ')})` : '';
};

/** Every field of `type` down to `depth` levels, with arguments from `values` where required. */
const selectionOf = (
  type: GraphQLNamedType,
  depth: number,
  values: Record<string, string>,
): string | null => {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth === 0) return null;
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const args = requiredArguments(field, values);
    if (args === null) return [];
    const inner = selectionOf(getNamedType(field.type as GraphQLOutputType), depth - 1, values);
    if (inner === null) return [];
    return [inner === '' ? `${field.name}${args}` : `${field.name}${args} { ${inner} }`];
  });
  return fields.length > 0 ? fields.join(' ') : null;
};

/** The answer's payload, or a thrown error naming the mutation. */
const run = async (sys: TestSystem, token: string, mutation: string, input: object) => {
  const answer = await sys.gql<Record<string, Record<string, string>>>(mutation, { input }, token);
  const payload = answer.data && Object.values(answer.data)[0];
  if (!payload) throw new Error(`${mutation}: ${JSON.stringify(answer.errors)}`);
  return payload;
};

/**
 * A task of next year whose one milestone waits on an extension the office forwarded
 * and no leader has decided, and whose own due date waits on the office's review.
 */
const pendingExtension = async (sys: TestSystem, office: string) => {
  const { id: taskId } = await run(
    sys,
    office,
    'mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }',
    { title: '延期待批的任务', plannedStart: '2022-01-01', dueDate: '2022-12-31' },
  );
  await run(
    sys,
    office,
    'mutation($input: AssignTaskInput!) { assignTask(input: $input) { position } }',
    {
      taskId,
      leadUnitId: 'health',
    },
  );
  const { milestoneId } = await run(
    sys,
    office,
    'mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId } }',
    { taskId, title: '完成选址', dueDate: '2022-03-31' },
  );
  const head = await sys.token('department_head', 'health');
  await run(
    sys,
    head,
    'mutation($input: SignTaskInput!) { signTask(input: $input) { position } }',
    {
      taskId,
    },
  );
  const ask = (input: object) =>
    run(
      sys,
      head,
      'mutation($input: RequestDeadlineExtensionInput!) { requestDeadlineExtension(input: $input) { requestId } }',
      input,
    );
  const { requestId } = await ask({
    taskId,
    milestoneId,
    requestedDueDate: '2022-06-30',
    reason: '用地手续待批',
  });
  await run(
    sys,
    office,
    'mutation($input: ReviewDeadlineExtensionInput!) { reviewDeadlineExtension(input: $input) { position } }',
    { taskId, requestId, forward: true, comment: '呈分管领导' },
  );
  await ask({ taskId, requestedDueDate: '2023-03-31', reason: '跨年度实施' });
  await sys.settled();
  return taskId;
};

describe('every read of the schema on the demo year', () => {
  let sys: TestSystem;
  let values: Record<string, string>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-answers-'));
    await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
    sys = await startTestSystem(
      { CLOCK: demoNow, SUPERVISION_CLOCK_INTERVAL_MS: '0' },
      { dataDir },
    );
    for (const role of readers) tokens[role] = await sys.token(role);
    const pendingTaskId = await pendingExtension(sys, tokens.office!);
    await sys.gql('mutation { signTreeHead { treeSize } }', {}, tokens.inspector);
    const { data } = await sys.gql<{
      tasks: { edges: { node: { id: string; leadUnit: { id: string } | null } }[] };
      officials: { id: string }[];
      latestTreeHead: { treeSize: number };
    }>(
      '{ tasks(first: 1, filter: { statuses: [CLOSED] }) { edges { node { id leadUnit { id } } } } officials { id } latestTreeHead { treeSize } }',
      {},
      tokens.inspector,
    );
    const task = data!.tasks.edges[0]!.node;
    values = {
      id: JSON.stringify(task.id),
      taskId: JSON.stringify(task.id),
      ids: JSON.stringify([task.id]),
      unitId: JSON.stringify(task.leadUnit!.id),
      officialId: JSON.stringify(data!.officials[0]!.id),
      date: JSON.stringify('2021-06-30'),
      year: '2021',
      position: '1',
      treeSize: String(data!.latestTreeHead.treeSize),
      fromSize: '1',
      toSize: String(data!.latestTreeHead.treeSize),
      size: String(data!.latestTreeHead.treeSize),
      pendingTaskId: JSON.stringify(pendingTaskId),
    };
  }, 120_000);
  afterAll(() => sys.stop());

  const reads = Object.values(schema.getQueryType()!.getFields()).filter(
    (field) => field.name !== 'demoUsers' && field.name !== 'demoLoginEnabled',
  );

  it.each(reads.map((field) => [field.name, field] as const))(
    '%s answers every field it declares',
    async (_, field) => {
      const args = requiredArguments(field, values);
      expect(args).not.toBeNull();
      const inner = selectionOf(getNamedType(field.type), 4, values);
      // A board as of every quarter's end too: states come and go in a year.
      const days = field.args.some((argument) => argument.name === 'asOf') ? pastDays : [null];
      // And narrowed to the task made here, where a list can be narrowed to one task.
      const filter = field.args.find((argument) => argument.name === 'filter')?.type;
      const byTask =
        filter && 'getFields' in filter && 'taskId' in filter.getFields()
          ? [`filter: { taskId: ${values.pendingTaskId} }`]
          : [];
      for (const narrowing of [null, ...byTask])
        for (const day of days) {
          const added = [day ? `asOf: "${day}"` : null, narrowing].filter(Boolean).join(', ');
          const withDay = added ? (args ? args.replace('(', `(${added}, `) : `(${added})`) : args;
          const query = `{ ${field.name}${withDay}${inner ? ` { ${inner} }` : ''} }`;
          // The first role that may read it answers; a refusal of the role is no failure of the schema.
          let answer: Awaited<ReturnType<TestSystem['gql']>> | undefined;
          for (const role of readers) {
            answer = await sys.gql(query, {}, tokens[role]);
            if (answer.errors?.[0]?.extensions?.code !== 'FORBIDDEN') break;
          }
          expect({ day, errors: answer?.errors }).toEqual({ day, errors: undefined });
          expect((answer?.data ?? {}) as Record<string, unknown>).toHaveProperty(field.name);
        }
    },
  );
});
