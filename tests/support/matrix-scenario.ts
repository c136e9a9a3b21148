import type { GraphQLSchema } from 'graphql';
import { settableClock } from '../../infra/clock/clock.ts';
import type { Caller } from './matrix-callers.ts';
import { actorIdOf, callers, leadUnit, otherUnit, spareUnit } from './matrix-callers.ts';
import type { RootKind } from './matrix-schema.ts';
import { documentFor, introspectSchema, leafSelection, rootField } from './matrix-schema.ts';
import type { GraphQLResponse, TestSystem } from './test-system.ts';
import { startTestSystem } from './test-system.ts';

/** The walk's day: 2021-03-01 in China Standard Time, early in the supervision year. */
export const walkTime = '2021-03-01T02:00:00.000Z';

/**
 * Services that would append on their own are held still: the clock runs on
 * demand only and tree heads are signed on demand only, so a moved position
 * is always the request's doing. The walk and the fuzz send hundreds of
 * requests a minute per actor: the rate limit (tested on its own) is off.
 */
export const quietEnv: Record<string, string> = {
  SUPERVISION_CLOCK_INTERVAL_MS: '0',
  AUDIT_SIGN_EVERY: '10000000',
  AUDIT_SIGN_SECONDS: '86400',
  RATE_LIMIT_PER_MINUTE: '0',
};

type Payload = Record<string, unknown>;
type Ids<K extends string> = Record<K, string>;

/** A started system with tokens for every caller, units registered and the schema read. */
export interface Scenario {
  sys: TestSystem;
  schema: GraphQLSchema;
  /** The caller's bearer token; undefined for the caller without one. */
  token(caller: Caller['name']): string | undefined;
  /** Calls one root field as the caller, the arguments passed as variables. */
  call(
    kind: RootKind,
    field: string,
    variables: Payload,
    caller: Caller['name'],
    selection?: string,
  ): Promise<GraphQLResponse>;
  /**
   * A mutation that must succeed (as the office unless told): its payload's leaf
   * fields. `input` is passed when the field takes one.
   */
  run(field: string, input: Payload, as?: Caller['name']): Promise<Payload>;
  /** An id no other call of the run has used. */
  unique(prefix: string): string;
  /** A ruleset version above every one published so far. */
  nextRulesetVersion(): number;
}

export const startScenario = async (): Promise<Scenario> => {
  const sys = await startTestSystem(quietEnv, { clock: settableClock(walkTime) });
  const tokens = new Map<Caller['name'], string>();
  for (const caller of callers) {
    if (caller.role) tokens.set(caller.name, await sys.token(caller.role, caller.unitId));
  }
  const schema = await introspectSchema(sys, tokens.get('office') ?? '');
  let counter = 0;
  let rulesetVersion = 0;
  const call: Scenario['call'] = (kind, field, variables, caller, selection) =>
    sys.gql(
      documentFor(schema, kind, field, Object.keys(variables), selection),
      variables,
      tokens.get(caller),
    );
  const run: Scenario['run'] = async (field, input, as = 'office') => {
    const selection = leafSelection(schema, 'mutation', field);
    const takesInput = rootField(schema, 'mutation', field).args.some(
      (arg) => arg.name === 'input',
    );
    const result = await call('mutation', field, takesInput ? { input } : {}, as, selection);
    if (result.errors || !result.data) {
      throw new Error(`${field} as ${as} failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data[field] as Payload;
  };
  const scenario: Scenario = {
    sys,
    schema,
    token: (caller) => tokens.get(caller),
    call,
    run,
    unique: (prefix) => `${prefix}-${++counter}`,
    nextRulesetVersion: () => ++rulesetVersion,
  };
  for (const id of [leadUnit, otherUnit, spareUnit]) await run('registerUnit', { id, name: id });
  return scenario;
};

/** A task registered by the office, not yet assigned. */
export const registeredTask = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const { id } = await s.run('registerTask', {
    title: '新建学校3所',
    section: '民生实事',
    plannedStart: '2021-01-01',
    dueDate: '2021-12-31',
  });
  return { taskId: id as string };
};

/** Assigned to the lead unit, which has not signed for it yet; a responsible leader when told. */
export const assignedTask = async (
  s: Scenario,
  responsibleLeader: string | null = null,
): Promise<Ids<'taskId'>> => {
  const task = await registeredTask(s);
  await s.run('assignTask', { ...task, leadUnitId: leadUnit, responsibleLeader });
  return task;
};

/** Assigned, one milestone planned (due at the end of June unless told), signed for by the lead unit. */
export const plannedTask = async (
  s: Scenario,
  dueDate = '2021-06-30',
  responsibleLeader: string | null = null,
): Promise<Ids<'taskId' | 'milestoneId'>> => {
  const task = await assignedTask(s, responsibleLeader);
  const { milestoneId } = await s.run('planMilestone', { ...task, title: '完成选址', dueDate });
  await s.run('signTask', task, 'headOfLeadUnit');
  return { ...task, milestoneId: milestoneId as string };
};

/** Like `plannedTask`, with the spare unit cooperating. */
export const plannedTaskWithCoUnit = async (
  s: Scenario,
): Promise<Ids<'taskId' | 'milestoneId'>> => {
  const task = await registeredTask(s);
  await s.run('assignTask', { ...task, leadUnitId: leadUnit, cooperatingUnitIds: [spareUnit] });
  const { milestoneId } = await s.run('planMilestone', {
    ...task,
    title: '资金拨付',
    dueDate: '2021-06-30',
  });
  return { ...task, milestoneId: milestoneId as string };
};

/** Its one milestone completed by the lead unit. */
export const completedMilestone = async (s: Scenario) => {
  const task = await plannedTask(s);
  await s.run('completeMilestone', task, 'headOfLeadUnit');
  return task;
};

/** Every milestone done and the completion (办结报告) reported by the lead unit. */
export const completionReported = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const { taskId } = await completedMilestone(s);
  await s.run('reportTaskCompletion', { taskId, summary: '已完成' }, 'headOfLeadUnit');
  return { taskId };
};

/** An open blockage (堵点) reported by the lead unit. */
export const openBlockage = async (s: Scenario): Promise<Ids<'taskId' | 'blockageId'>> => {
  const { taskId } = await plannedTask(s);
  const input = { taskId, description: '用地手续待批', waitingOnUnitId: spareUnit };
  const { blockageId } = await s.run('reportBlockage', input, 'headOfLeadUnit');
  return { taskId, blockageId: blockageId as string };
};

/** A blockage the office reported, waiting on the lead unit. */
export const blockageWaitingOnLeadUnit = async (s: Scenario) => {
  const { taskId } = await plannedTask(s);
  const input = { taskId, description: '配套资金待拨付', waitingOnUnitId: leadUnit };
  const { blockageId } = await s.run('reportBlockage', input);
  return { taskId, blockageId: blockageId as string };
};

/** A blockage of the lead unit's, resolved. */
export const resolvedBlockage = async (s: Scenario) => {
  const blockage = await openBlockage(s);
  await s.run('resolveBlockage', { ...blockage, resolution: '已协调' }, 'headOfLeadUnit');
  return blockage;
};

/** The walk's one leader (领导), named as the responsible leader (分管领导) of the tasks it decides on. */
const walkLeader = actorIdOf(callers.find((caller) => caller.name === 'leader')!);

/**
 * An extension of the milestone's deadline, asked by the lead unit of a task
 * whose responsible leader is the walk's leader; not reviewed yet.
 */
export const extensionRequested = async (s: Scenario): Promise<Ids<'taskId' | 'requestId'>> => {
  const task = await plannedTask(s, '2021-06-30', walkLeader);
  const input = { ...task, requestedDueDate: '2021-08-31', reason: '规划许可待批' };
  const { requestId } = await s.run('requestDeadlineExtension', input, 'headOfLeadUnit');
  return { taskId: task.taskId, requestId: requestId as string };
};

/** Such an extension forwarded by the office (初审) to the responsible leader, who has to decide. */
export const extensionForwarded = async (s: Scenario): Promise<Ids<'taskId' | 'requestId'>> => {
  const request = await extensionRequested(s);
  await s.run('reviewDeadlineExtension', {
    ...request,
    forward: true,
    comment: '拟同意，呈分管领导',
  });
  return request;
};

/** A task suspended by the leader (it names no responsible leader, so any leader decides). */
export const suspendedTask = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const { taskId } = await plannedTask(s);
  await s.run('suspendTask', { taskId, reason: '资金冻结' }, 'leader');
  return { taskId };
};

/** A task whose lead unit asked to return it (退回申请), before signing. */
export const returnRequestedTask = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const task = await assignedTask(s);
  await s.run('returnTask', { ...task, reason: '不属本单位职责' }, 'headOfLeadUnit');
  return task;
};

/** A task the office proposed to suspend; the leader has not decided. */
export const proposedTask = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const { taskId } = await plannedTask(s);
  await s.run('proposeSuspension', { taskId, reason: '资金冻结' });
  return { taskId };
};

/** An indicator (实效) the office has defined on the lead unit's task. */
export const definedIndicator = async (s: Scenario): Promise<Ids<'taskId' | 'indicatorId'>> => {
  const { taskId } = await plannedTask(s);
  const { indicatorId } = await s.run('defineIndicator', {
    taskId,
    name: '新建学校',
    unitOfMeasure: '所',
    target: 3,
    comparison: 'GTE',
    dueDate: '2021-12-31',
  });
  return { taskId, indicatorId: indicatorId as string };
};

/** A supervision notice (督办单) addressed to the lead unit, unanswered. */
export const issuedNotice = async (s: Scenario): Promise<Ids<'taskId' | 'noticeId'>> => {
  const { taskId } = await plannedTask(s);
  const { noticeId } = await s.run('issueSupervisionNotice', {
    taskId,
    level: 'BLUE',
    toUnitId: leadUnit,
    subject: '提示',
    body: '请关注选址进度',
    replyDueDate: '2021-03-10',
  });
  return { taskId, noticeId: noticeId as string };
};

/** An official (干部) in the directory, holding no post. */
export const registeredOfficial = async (s: Scenario): Promise<Ids<'officialId'>> => {
  const { id } = await s.run('registerOfficial', { name: '王副区长', title: '副区长' });
  return { officialId: id as string };
};

/** An official holding the lead unit's head post since the start of the year. */
export const officialInPost = async (s: Scenario) => {
  const official = await registeredOfficial(s);
  const post = { ...official, unitId: leadUnit, post: 'UNIT_HEAD' };
  await s.run('assignPost', { ...post, from: '2021-01-01' });
  return post;
};

/** A 催办 of the office to the lead unit, with a reply day. */
export const urgedTask = async (s: Scenario): Promise<Ids<'taskId' | 'urgeId'>> => {
  const { taskId } = await plannedTask(s);
  const { urgeId } = await s.run('urgeTask', { taskId, message: '请加快', replyBy: '2021-03-15' });
  return { taskId, urgeId: urgeId as string };
};

/** A liaison's (联络员) report, a draft for the unit head under the default ruleset. */
export const draftedReport = async (s: Scenario): Promise<Ids<'taskId' | 'draftId'>> => {
  const task = await plannedTask(s);
  const draftId = s.unique('draft');
  await s.run('reportProgress', { ...task, percent: 40, draftId }, 'liaisonOfLeadUnit');
  return { taskId: task.taskId, draftId };
};

/** A 政协提案 assigned to the lead unit, signed for, one milestone planned. */
export const assignedProposal = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const { id } = await s.run('registerMatter', {
    title: '加快建设社区养老服务中心',
    source: {
      kind: 'CPPCC_PROPOSAL',
      documentNumber: `第${s.unique('n')}号`,
      issuer: '张委员',
      issuedOn: '2021-02-20',
      originalText: '关于加快建设社区养老服务中心的提案',
    },
  });
  const task = { taskId: id as string };
  await s.run('assignTask', { ...task, leadUnitId: leadUnit });
  return task;
};

/** The proposal answered by its lead unit (办理答复). */
export const answeredProposal = async (s: Scenario): Promise<Ids<'taskId'>> => {
  const task = await assignedProposal(s);
  await s.run('replyToSource', { ...task, text: '已列入年度计划' }, 'headOfLeadUnit');
  return task;
};
