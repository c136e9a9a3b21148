import type { Operation } from '../../contracts/permissions.ts';
import type { Caller } from './matrix-callers.ts';
import { actorIdOf, leadUnit, spareUnit } from './matrix-callers.ts';
import type { Scenario } from './matrix-scenario.ts';
import {
  answeredProposal,
  assignedProposal,
  assignedTask,
  blockageWaitingOnLeadUnit,
  completedMilestone,
  completionReported,
  definedIndicator,
  draftedReport,
  extensionForwarded,
  extensionRequested,
  issuedNotice,
  officialInPost,
  openBlockage,
  plannedTask,
  plannedTaskWithCoUnit,
  proposedTask,
  registeredOfficial,
  registeredTask,
  resolvedBlockage,
  returnRequestedTask,
  suspendedTask,
  urgedTask,
} from './matrix-scenario.ts';
import type { RootKind } from './matrix-schema.ts';

type Variables = Record<string, unknown>;

/** One GraphQL field of an operation, with a fresh state in which a permitted caller succeeds. */
export interface HttpCase {
  via: 'http';
  kind: RootKind;
  field: string;
  /** Builds the state and answers the call's variables. */
  prepare(s: Scenario): Promise<Variables>;
  /** What to select of an object result; `__typename` unless told. */
  selection?: string;
  /** Further checks of an allowed caller's result (a scope narrower than the role's). */
  check?(data: Record<string, unknown>, caller: Caller): void;
  /** A mutation that takes no input (signing a tree head, running the clock). */
  inputless?: true;
  /** The variables as `caller` sends them, where they differ by caller (代录 is the office's alone). */
  forCaller?(variables: Variables, caller: Caller): Variables;
}

/** An operation without a field of its own: called over the broker, as services call it. */
export interface BrokerCase {
  via: 'broker';
  action: string;
  params: Variables;
}

export type OperationCase = HttpCase | BrokerCase;

const mutation = (field: string, prepare: (s: Scenario) => Promise<Variables>): HttpCase => ({
  via: 'http',
  kind: 'mutation',
  field,
  prepare: async (s) => ({ input: await prepare(s) }),
});

/**
 * A report the office sends only as 代录, naming the unit's source; a unit sends
 * its own without one.
 */
const recordedForUnit = (c: HttpCase): HttpCase => ({
  ...c,
  prepare: async (s) => {
    const { input } = (await c.prepare(s)) as { input: Variables };
    return { input: { ...input, proxySource: '联络员电话报送' } };
  },
  forCaller: (variables, caller) => {
    if (caller.name === 'office') return variables;
    const { proxySource: _, ...input } = variables.input as Variables;
    return { ...variables, input };
  },
});

const read = (
  field: string,
  prepare: (s: Scenario) => Promise<Variables> = async () => ({}),
  more: Partial<HttpCase> = {},
): HttpCase => ({ via: 'http', kind: 'query', field, prepare, ...more });

/** An argument-less mutation (signing a tree head, running the clock). */
const action = (field: string, prepare: (s: Scenario) => Promise<void> = async () => {}) =>
  ({
    via: 'http',
    kind: 'mutation',
    field,
    inputless: true,
    prepare: async (s) => {
      await prepare(s);
      return {};
    },
  }) satisfies HttpCase;

const reason = { reason: '理由' };

/** The office's audit search sees only the events the office recorded itself (own_actions). */
const ownActionsOnly = (data: Record<string, unknown>, caller: Caller) => {
  const { edges } = data.auditHistory as { edges: { node: { actor: { id: string } } }[] };
  const actorIds = new Set(edges.map(({ node }) => node.actor.id));
  if (caller.role === 'office') expect([...actorIds]).toEqual([actorIdOf(caller)]);
  else expect(actorIds.size).toBeGreaterThan(1);
};

/** A milestone due within the reminder lead time, settled into the clock's agenda. */
const dueSoonMilestone = async (s: Scenario) => {
  await plannedTask(s, '2021-03-03');
  await s.sys.settled();
};

/** A signed tree head over everything stored now: its size. */
const signedHeadSize = async (s: Scenario) => {
  const { treeSize } = await s.run('signTreeHead', {});
  return { size: treeSize };
};

/**
 * A notification in the queue, not delivered: an assignment to a unit whose head
 * gave no contacts (no channel is configured in the walk either).
 */
const queuedNotification = async (s: Scenario) => {
  await officialInPost(s);
  const { taskId } = await assignedTask(s);
  let answer: unknown = null;
  for (let tries = 0; tries < 200; tries++) {
    await s.sys.settled();
    const found = await s.call(
      'query',
      'notifications',
      { filter: { taskId } },
      'office',
      '{ nodes { id } }',
    );
    answer = found;
    const nodes = (found.data?.notifications as { nodes: { id: string }[] } | undefined)?.nodes;
    if (nodes?.[0]) return { notificationId: nodes[0].id };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no notification was queued for the assignment: ${JSON.stringify(answer)}`);
};

const commands = {
  registerUnit: [mutation('registerUnit', async (s) => ({ id: s.unique('unit'), name: '单位' }))],
  registerTask: [
    mutation('registerTask', async () => ({
      title: '新建学校',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    })),
  ],
  assignTask: [
    mutation('assignTask', async (s) => ({ ...(await registeredTask(s)), leadUnitId: leadUnit })),
  ],
  planMilestone: [
    mutation('planMilestone', async (s) => ({
      ...(await assignedTask(s)),
      title: '完成设计',
      dueDate: '2021-09-30',
    })),
  ],
  reportProgress: [
    recordedForUnit(
      mutation('reportProgress', async (s) => ({ ...(await plannedTask(s)), percent: 60 })),
    ),
  ],
  completeMilestone: [recordedForUnit(mutation('completeMilestone', plannedTask))],
  reportBlockage: [
    mutation('reportBlockage', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      description: '资金未到位',
    })),
  ],
  resolveBlockage: [
    mutation('resolveBlockage', async (s) => ({
      ...(await openBlockage(s)),
      resolution: '已协调',
    })),
  ],
  signTask: [mutation('signTask', assignedTask)],
  transferTask: [
    mutation('transferTask', async (s) => ({
      ...(await assignedTask(s)),
      toUnitId: spareUnit,
      ...reason,
    })),
  ],
  returnTask: [mutation('returnTask', async (s) => ({ ...(await assignedTask(s)), ...reason }))],
  acceptReturn: [
    mutation('acceptReturn', async (s) => ({
      ...(await returnRequestedTask(s)),
      toUnitId: spareUnit,
      ...reason,
    })),
  ],
  refuseReturn: [
    mutation('refuseReturn', async (s) => ({ ...(await returnRequestedTask(s)), ...reason })),
  ],
  proposeSuspension: [
    mutation('proposeSuspension', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      ...reason,
    })),
  ],
  proposeTermination: [
    mutation('proposeTermination', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      ...reason,
    })),
  ],
  approveLifecycleChange: [
    mutation('approveLifecycleChange', async (s) => ({
      ...(await proposedTask(s)),
      comment: null,
    })),
  ],
  rejectLifecycleChange: [
    mutation('rejectLifecycleChange', async (s) => ({ ...(await proposedTask(s)), ...reason })),
  ],
  requestDeadlineExtension: [
    mutation('requestDeadlineExtension', async (s) => ({
      ...(await plannedTask(s)),
      requestedDueDate: '2021-08-31',
      ...reason,
    })),
  ],
  reviewDeadlineExtension: [
    mutation('reviewDeadlineExtension', async (s) => ({
      ...(await extensionRequested(s)),
      forward: true,
      comment: '拟同意，呈分管领导',
    })),
  ],
  approveDeadlineExtension: [mutation('approveDeadlineExtension', extensionForwarded)],
  rejectDeadlineExtension: [
    mutation('rejectDeadlineExtension', async (s) => ({
      ...(await extensionForwarded(s)),
      ...reason,
    })),
  ],
  assignMilestoneOwner: [
    mutation('assignMilestoneOwner', async (s) => ({
      ...(await plannedTaskWithCoUnit(s)),
      ownerUnitId: spareUnit,
      ...reason,
    })),
  ],
  reopenMilestone: [
    mutation('reopenMilestone', async (s) => ({ ...(await completedMilestone(s)), ...reason })),
  ],
  reportTaskCompletion: [
    mutation('reportTaskCompletion', async (s) => ({
      taskId: (await completedMilestone(s)).taskId,
      summary: '三所学校均已开工',
    })),
  ],
  acceptTaskCompletion: [mutation('acceptTaskCompletion', completionReported)],
  rejectTaskCompletion: [
    mutation('rejectTaskCompletion', async (s) => ({
      ...(await completionReported(s)),
      ...reason,
    })),
  ],
  suspendTask: [
    mutation('suspendTask', async (s) => ({ taskId: (await plannedTask(s)).taskId, ...reason })),
  ],
  resumeTask: [mutation('resumeTask', async (s) => ({ ...(await suspendedTask(s)), ...reason }))],
  terminateTask: [
    mutation('terminateTask', async (s) => ({ taskId: (await plannedTask(s)).taskId, ...reason })),
  ],
  defineIndicator: [
    mutation('defineIndicator', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      name: '水质达标率',
      unitOfMeasure: '%',
      target: 89,
      comparison: 'GTE',
      dueDate: '2021-12-31',
    })),
  ],
  reportIndicatorValue: [
    mutation('reportIndicatorValue', async (s) => ({
      ...(await definedIndicator(s)),
      value: 1,
      asOf: '2021-02-28',
    })),
  ],
  issueSupervisionNotice: [
    mutation('issueSupervisionNotice', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      level: 'YELLOW',
      toUnitId: leadUnit,
      subject: '督办',
      body: '请加快进度',
      replyDueDate: '2021-03-15',
    })),
  ],
  answerSupervisionNotice: [
    mutation('answerSupervisionNotice', async (s) => ({
      ...(await issuedNotice(s)),
      answer: '已推进',
    })),
  ],
  issueLeadershipInstruction: [
    mutation('issueLeadershipInstruction', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      text: '加快办理',
      addressedToUnitIds: [leadUnit],
    })),
  ],
  recordAccountability: [
    mutation('recordAccountability', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      against: { kind: 'UNIT', id: leadUnit },
      kind: 'INTERVIEW',
      ...reason,
    })),
  ],
  awardBonus: [
    mutation('awardBonus', async (s) => ({
      taskId: (await plannedTask(s)).taskId,
      unitId: leadUnit,
      kind: 'COMMENDATION',
      points: 2,
      reason: '市领导肯定性批示',
    })),
  ],
  registerMatter: [
    mutation('registerMatter', async (s) => ({
      title: '王区长批示：尽快解决学校周边交通拥堵',
      source: {
        kind: 'LEADER_INSTRUCTION',
        documentNumber: `批〔2021〕${s.unique('n')}号`,
        issuer: '王区长',
        issuedOn: '2021-02-26',
        originalText: '请交通局牵头尽快解决。',
      },
    })),
  ],
  replyToSource: [
    mutation('replyToSource', async (s) => ({
      ...(await assignedProposal(s)),
      text: '已列入年度计划，年内建成2个',
    })),
  ],
  recordProposerEvaluation: [
    mutation('recordProposerEvaluation', async (s) => ({
      ...(await answeredProposal(s)),
      rating: 'SATISFIED',
      comment: '满意',
    })),
  ],
  escalateBlockage: [
    mutation('escalateBlockage', async (s) => ({ ...(await openBlockage(s)), level: 1 })),
  ],
  assignBlockageCoordination: [
    mutation('assignBlockageCoordination', async (s) => ({
      ...(await openBlockage(s)),
      coordinatorUnitId: spareUnit,
    })),
  ],
  declareBlockagePartDone: [
    mutation('declareBlockagePartDone', async (s) => ({
      ...(await blockageWaitingOnLeadUnit(s)),
      note: '用地手续已批复',
    })),
  ],
  reopenBlockage: [
    mutation('reopenBlockage', async (s) => ({ ...(await resolvedBlockage(s)), ...reason })),
  ],
  splitTask: [
    mutation('splitTask', async (s) => {
      const task = await assignedTask(s);
      const school = s.unique('edu-school');
      await s.run('registerUnit', { id: school, name: school, parentUnitId: leadUnit });
      return { ...task, subTasks: [{ unitId: school, title: '学校改造', dueDate: '2021-12-01' }] };
    }),
  ],
  urgeTask: [
    mutation('urgeTask', async (s) => ({
      taskId: (await assignedTask(s)).taskId,
      message: '请加快办理',
      replyBy: '2021-03-15',
    })),
  ],
  answerUrge: [
    mutation('answerUrge', async (s) => ({ ...(await urgedTask(s)), answer: '已加快推进' })),
  ],
  approveProgressReport: [mutation('approveProgressReport', draftedReport)],
  returnProgressReport: [
    mutation('returnProgressReport', async (s) => ({ ...(await draftedReport(s)), ...reason })),
  ],
  registerOfficial: [
    mutation('registerOfficial', async (s) => ({
      id: s.unique('official'),
      name: '李局长',
      title: '局长',
    })),
  ],
  assignPost: [
    mutation('assignPost', async (s) => ({
      ...(await registeredOfficial(s)),
      unitId: leadUnit,
      post: 'CONTACT',
      from: '2021-02-01',
    })),
  ],
  vacatePost: [
    mutation('vacatePost', async (s) => ({ ...(await officialInPost(s)), on: '2021-02-15' })),
  ],
  publishRuleset: [
    // The defaults' own numbers, so the boards and the clock of other cases keep their rules.
    mutation('publishRuleset', async (s) => ({
      version: s.nextRulesetVersion(),
      inForceFrom: '2021-01-01',
      lights: { yellowBehindPoints: 10, redBehindPoints: 30, yellowDueWithinDays: 3 },
      reminderLeadDays: 3,
      escalation: { toResponsibleLeaderAfterDays: 3, toMainLeaderAfterDays: 7 },
      scoring: { leadUnitFailedTask: -5, cooperatingUnitFailedTask: -3, pingPongPerUnit: -1 },
      matters: {
        limits: [{ kind: 'CPPCC_PROPOSAL', workingDays: 60 }],
        redoWorkingDays: 20,
        dissatisfiedDeduction: -1,
      },
      // The time limits' defaults (timeLimitDefaults), named so each field's rule is tried.
      timeLimits: {
        signingWorkingDays: 2,
        urgeReplyWorkingDays: 3,
        noticeReplyWorkingDays: { blue: 5, yellow: 3, red: 2 },
        escalateUpTo: 'RED',
        missedReportPoints: -0.5,
        lateReplyPoints: -1,
        liaisonReportNeedsApproval: true,
      },
    })),
  ],
  publishWorkCalendar: [
    // A year no other case counts days in.
    mutation('publishWorkCalendar', async () => ({
      year: 2030,
      holidays: ['2030-10-01', '2030-10-02'],
      workdays: ['2030-09-29'],
      source: '国务院办公厅关于2030年部分节假日安排的通知（示例）',
    })),
  ],
  auditSign: [action('signTreeHead')],
  runClock: [action('runClock', dueSoonMilestone)],
  changeOfficialContacts: [
    mutation('changeOfficialContacts', async (s) => ({
      ...(await registeredOfficial(s)),
      email: 'li@example.gov.cn',
      mobile: '13800001111',
      channels: ['EMAIL', 'DINGTALK'],
    })),
  ],
  retryNotification: [mutation('retryNotification', queuedNotification)],
} satisfies Partial<Record<Operation, readonly OperationCase[]>>;

const queries = {
  task: [read('task', async (s) => ({ id: (await plannedTask(s)).taskId }))],
  tasksById: [read('tasksById', async (s) => ({ ids: [(await plannedTask(s)).taskId] }))],
  tasks: [read('tasks')],
  units: [read('units')],
  taskHistory: [read('taskHistory', async (s) => ({ taskId: (await plannedTask(s)).taskId }))],
  officials: [read('officials')],
  postHolders: [
    read('postHolders', async (s) => {
      await officialInPost(s);
      return { unitId: leadUnit, date: '2021-03-01' };
    }),
  ],
  rulesets: [read('rulesets')],
  rulesetInForce: [read('rulesetInForce', async () => ({ date: '2021-03-01' }))],
  workCalendar: [read('workCalendar', async () => ({ year: 2021 }))],
  auditSearch: [
    read(
      'auditHistory',
      async (s) => {
        await plannedTask(s);
        return { first: 200 };
      },
      { selection: '{ edges { node { actor { id } } } }', check: ownActionsOnly },
    ),
  ],
  auditProof: [
    read('inclusionProof', async (s) => ({ position: 1, treeSize: await s.sys.lastPosition() })),
    read('consistencyProof', async (s) => ({ fromSize: 1, toSize: await s.sys.lastPosition() })),
    read('treeHead', signedHeadSize),
    read('latestTreeHead', async (s) => {
      await signedHeadSize(s);
      return {};
    }),
  ],
  auditPublicKey: [read('auditPublicKey'), read('auditStatus'), read('treeHeads')],
  responsibilityBoard: [read('responsibilityBoard')],
  stageBoard: [read('stageBoard')],
  blockageBoard: [read('blockageBoard')],
  progressBoard: [read('progressBoard')],
  resultsBoard: [read('resultsBoard')],
  unitDeductions: [read('unitDeductions', async () => ({ unitId: leadUnit }))],
  unitFailedTasks: [read('unitFailedTasks', async () => ({ unitId: leadUnit }))],
  officialTasks: [read('officialTasks', registeredOfficial)],
  officialRecords: [read('officialRecords', registeredOfficial)],
  overview: [read('overview')],
  notifications: [read('notifications')],
  myNotifications: [read('myNotifications')],
  internal: [
    { via: 'broker', action: 'directory.knownUnits', params: { ids: [leadUnit] } },
    { via: 'broker', action: 'directory.unitCategories', params: { ids: [leadUnit] } },
    { via: 'broker', action: 'directory.knownOfficials', params: { ids: ['nobody'] } },
    { via: 'broker', action: 'directory.unitPaths', params: { ids: [leadUnit] } },
    { via: 'broker', action: 'directory.unitSubtree', params: { unitId: leadUnit } },
  ],
} satisfies Partial<Record<Operation, readonly OperationCase[]>>;

/**
 * Every operation of the permission table with the calls that exercise it. Typed
 * against the table, and checked against it again at run time by the walk, so an
 * operation added without a case fails both the type check and the test.
 */
export const matrixCases: Record<Operation, readonly OperationCase[]> = {
  ...commands,
  ...queries,
};

/**
 * Root fields that act on no supervision data and so are absent from the table,
 * with the reason: who-am-I needs only a valid token; the web console's demo
 * sign-in (演示登录) is served before any token exists and is off in production.
 */
export const unlistedFields: Readonly<Record<string, string>> = {
  me: 'who-am-I: answers any valid token with its own actor',
  demoLoginEnabled: 'demo sign-in (演示登录): whether it is on, asked before any token exists',
  demoUsers: 'demo sign-in: the people to sign in as, asked before any token exists',
  demoSignIn: 'demo sign-in: hands out a demo token, refused when demo sign-in is off',
};
