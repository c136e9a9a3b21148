import type { Role } from '../../contracts/actor.ts';
import { roles } from '../../contracts/actor.ts';
import type { TaskEvent } from '../../contracts/events/index.ts';
import type { DecisionContext } from '../../services/shared/decider.ts';
import type { TaskCommand, TaskCommandType } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  actingAs,
  blockageReported,
  closedTask,
  completedTask,
  completionReported,
  evidenceFile,
  extensionRequested,
  extensionReviewed,
  headOf,
  indicatorDefined,
  leadHead,
  leadLiaison,
  noticeIssued,
  outsiderHead,
  plannedTask,
  taskId,
  taskSuspended,
  taskTerminated,
} from './support/task-fixtures.ts';

type NewCommandType = Exclude<
  TaskCommandType,
  | 'RegisterTask'
  | 'RegisterSubTask'
  | 'AssignTask'
  | 'PlanMilestone'
  | 'ReportProgress'
  | 'CompleteMilestone'
  | 'ReportBlockage'
  | 'ResolveBlockage'
  | 'RegisterMatter'
>;

const units = ['education-bureau', 'finance-bureau', 'land-bureau'];
const reason = 'a reason';

/** One well-formed command of each type added for the supervision year. */
const samples: Record<NewCommandType, TaskCommand> = {
  SignTask: { type: 'SignTask', data: { taskId } },
  TransferTask: {
    type: 'TransferTask',
    data: { taskId, toUnitId: 'land-bureau', reason, knownUnitIds: units },
  },
  ReturnTask: { type: 'ReturnTask', data: { taskId, reason } },
  AcceptReturn: {
    type: 'AcceptReturn',
    data: { taskId, toUnitId: 'land-bureau', reason, knownUnitIds: units },
  },
  RefuseReturn: { type: 'RefuseReturn', data: { taskId, reason } },
  ProposeSuspension: { type: 'ProposeSuspension', data: { taskId, reason } },
  ProposeTermination: { type: 'ProposeTermination', data: { taskId, reason } },
  ApproveLifecycleChange: { type: 'ApproveLifecycleChange', data: { taskId, comment: null } },
  RejectLifecycleChange: { type: 'RejectLifecycleChange', data: { taskId, reason } },
  RequestDeadlineExtension: {
    type: 'RequestDeadlineExtension',
    data: { taskId, requestId: 'r2', milestoneId: 'm1', requestedDueDate: '2021-07-31', reason },
  },
  ReviewDeadlineExtension: {
    type: 'ReviewDeadlineExtension',
    data: { taskId, requestId: 'r2', forward: true, comment: 'forwarded' },
  },
  ApproveDeadlineExtension: { type: 'ApproveDeadlineExtension', data: { taskId, requestId: 'r1' } },
  RejectDeadlineExtension: {
    type: 'RejectDeadlineExtension',
    data: { taskId, requestId: 'r1', reason },
  },
  ReopenMilestone: { type: 'ReopenMilestone', data: { taskId, milestoneId: 'm1', reason } },
  AssignMilestoneOwner: {
    type: 'AssignMilestoneOwner',
    data: { taskId, milestoneId: 'm1', ownerUnitId: 'finance-bureau', reason },
  },
  ReportTaskCompletion: {
    type: 'ReportTaskCompletion',
    data: { taskId, summary: 'done', evidence: [evidenceFile] },
  },
  AcceptTaskCompletion: { type: 'AcceptTaskCompletion', data: { taskId, comment: null } },
  RejectTaskCompletion: { type: 'RejectTaskCompletion', data: { taskId, reason } },
  SuspendTask: { type: 'SuspendTask', data: { taskId, reason } },
  ResumeTask: { type: 'ResumeTask', data: { taskId, reason } },
  TerminateTask: { type: 'TerminateTask', data: { taskId, reason } },
  DefineIndicator: {
    type: 'DefineIndicator',
    data: {
      taskId,
      indicatorId: 'i2',
      name: 'Water quality',
      unitOfMeasure: '%',
      target: 89,
      comparison: 'gte',
      dueDate: '2021-12-31',
      baseline: null,
    },
  },
  ReportIndicatorValue: {
    type: 'ReportIndicatorValue',
    data: { taskId, indicatorId: 'i1', value: 1, asOf: '2021-03-01', evidence: [] },
  },
  IssueSupervisionNotice: {
    type: 'IssueSupervisionNotice',
    data: {
      taskId,
      noticeId: 'n2',
      level: 'blue',
      toUnitId: 'education-bureau',
      subject: 's',
      body: 'b',
      replyDueDate: '2021-03-10',
    },
  },
  AnswerSupervisionNotice: {
    type: 'AnswerSupervisionNotice',
    data: { taskId, noticeId: 'n1', answer: 'a', evidence: [] },
  },
  IssueLeadershipInstruction: {
    type: 'IssueLeadershipInstruction',
    data: { taskId, instructionId: 'ins1', text: 't', addressedToUnitIds: [], knownUnitIds: [] },
  },
  RecordAccountability: {
    type: 'RecordAccountability',
    data: {
      taskId,
      recordId: 'acc1',
      against: { kind: 'unit', id: 'education-bureau' },
      kind: 'criticism',
      reason,
      scoreDeduction: 2,
      knownUnitIds: units,
      knownOfficialIds: [],
    },
  },
  AwardBonus: {
    type: 'AwardBonus',
    data: {
      taskId,
      bonusId: 'bonus1',
      unitId: 'education-bureau',
      kind: 'commendation',
      points: 2,
      reason,
    },
  },
  ReplyToSource: {
    type: 'ReplyToSource',
    data: { taskId, replyId: 'reply1', text: 'an answer', documentNumber: null, evidence: [] },
  },
  RecordProposerEvaluation: {
    type: 'RecordProposerEvaluation',
    data: { taskId, evaluationId: 'evaluation1', rating: 'satisfied', comment: 'words' },
  },
  EscalateBlockage: { type: 'EscalateBlockage', data: { taskId, blockageId: 'b1', level: 1 } },
  AssignBlockageCoordination: {
    type: 'AssignBlockageCoordination',
    data: {
      taskId,
      blockageId: 'b1',
      coordinatorUnitId: 'finance-bureau',
      note: null,
      knownUnitIds: units,
    },
  },
  ReopenBlockage: { type: 'ReopenBlockage', data: { taskId, blockageId: 'b1', reason } },
  DeclareBlockagePartDone: {
    type: 'DeclareBlockagePartDone',
    data: { taskId, blockageId: 'b2', note: '用地手续已批复' },
  },
  UrgeTask: {
    type: 'UrgeTask',
    data: { taskId, urgeId: 'u1', unitId: null, message: 'm', replyBy: null, knownUnitIds: [] },
  },
  RemindMilestoneDueSoon: {
    type: 'RemindMilestoneDueSoon',
    data: { taskId, milestoneId: 'm1', leadDays: 3 },
  },
  RecordMilestoneOverdue: { type: 'RecordMilestoneOverdue', data: { taskId, milestoneId: 'm1' } },
  AnswerUrge: { type: 'AnswerUrge', data: { taskId, urgeId: 'u1', answer: 'done' } },
  RemindSigning: {
    type: 'RemindSigning',
    data: {
      taskId,
      unitId: 'education-bureau',
      assignedOn: '2021-01-04',
      limitDate: '2021-01-06',
    },
  },
  UrgeSigning: {
    type: 'UrgeSigning',
    data: {
      taskId,
      unitId: 'education-bureau',
      assignedOn: '2021-01-04',
      urgeId: 'sign-1',
      replyBy: '2099-01-01',
    },
  },
  RecordProgressReportMissed: {
    type: 'RecordProgressReportMissed',
    data: {
      taskId,
      cycle: 'weekly',
      periodStart: '2021-01-04',
      periodEnd: '2021-01-10',
      urge: null,
    },
  },
  RecordUrgeReplyOverdue: {
    type: 'RecordUrgeReplyOverdue',
    data: { taskId, urgeId: 'u1', limitDate: '2021-01-06', escalation: null },
  },
  RecordNoticeReplyOverdue: {
    type: 'RecordNoticeReplyOverdue',
    data: { taskId, noticeId: 'n1', limitDate: '2021-06-30', escalation: null },
  },
  ApproveProgressReport: { type: 'ApproveProgressReport', data: { taskId, draftId: 'd1' } },
  ReturnProgressReport: { type: 'ReturnProgressReport', data: { taskId, draftId: 'd1', reason } },
  SplitTask: {
    type: 'SplitTask',
    data: {
      taskId,
      splitId: 's1',
      subTasks: [{ unitId: 'edu-school', title: '学校改造', dueDate: '2021-12-01', weight: 1 }],
      unitPaths: { 'edu-school': ['education-bureau', 'edu-school'] },
    },
  },
  RecordTaskLight: {
    type: 'RecordTaskLight',
    data: {
      taskId,
      light: 'red',
      reasons: ['overdue since 2021-07-01'],
      actual: 0,
      expected: 100,
      rulesetVersion: 0,
    },
  },
};

/** Who may send each command, written out by hand (the decider's own table must agree). */
const allowed: Record<NewCommandType, readonly Role[]> = {
  SignTask: ['department_head', 'liaison'],
  TransferTask: ['office'],
  ReturnTask: ['department_head'],
  AcceptReturn: ['office'],
  RefuseReturn: ['office'],
  ProposeSuspension: ['office'],
  ProposeTermination: ['office'],
  ApproveLifecycleChange: ['leader'],
  RejectLifecycleChange: ['leader'],
  RequestDeadlineExtension: ['department_head'],
  ReviewDeadlineExtension: ['office'],
  ApproveDeadlineExtension: ['leader'],
  RejectDeadlineExtension: ['leader'],
  ReopenMilestone: ['office', 'leader'],
  AssignMilestoneOwner: ['office'],
  ReportTaskCompletion: ['department_head'],
  AcceptTaskCompletion: ['office'],
  RejectTaskCompletion: ['office'],
  SuspendTask: ['leader'],
  ResumeTask: ['office'],
  TerminateTask: ['leader'],
  DefineIndicator: ['office'],
  ReportIndicatorValue: ['office', 'department_head'],
  IssueSupervisionNotice: ['office'],
  AnswerSupervisionNotice: ['department_head'],
  IssueLeadershipInstruction: ['leader'],
  RecordAccountability: ['office', 'inspector'],
  AwardBonus: ['leader'],
  ReplyToSource: ['department_head'],
  RecordProposerEvaluation: ['office'],
  EscalateBlockage: ['leader', 'system'],
  AssignBlockageCoordination: ['leader'],
  ReopenBlockage: ['office', 'department_head'],
  DeclareBlockagePartDone: ['department_head'],
  UrgeTask: ['office'],
  RemindMilestoneDueSoon: ['system'],
  RecordMilestoneOverdue: ['system'],
  AnswerUrge: ['department_head'],
  RemindSigning: ['system'],
  UrgeSigning: ['system'],
  RecordProgressReportMissed: ['system'],
  RecordUrgeReplyOverdue: ['system'],
  RecordNoticeReplyOverdue: ['system'],
  ApproveProgressReport: ['department_head'],
  ReturnProgressReport: ['department_head'],
  SplitTask: ['office', 'department_head'],
  RecordTaskLight: ['system'],
};

const types = Object.keys(samples) as NewCommandType[];

/** An actor allowed to send `type`: a department head is the lead unit's. */
const allowedActor = (type: NewCommandType): DecisionContext => {
  const role = allowed[type][0]!;
  return role === 'department_head' ? leadHead : actingAs(role);
};

const contextOf = (role: Role): DecisionContext =>
  role === 'department_head' ? leadHead : role === 'liaison' ? leadLiaison : actingAs(role);

const refusedRoles = types.flatMap((type) =>
  roles.filter((role) => !allowed[type].includes(role)).map((role) => [type, role] as const),
);

/** A history in which every sample command finds what it names. */
/** A blockage the office reported, waiting on the lead unit (which may declare its part done). */
const waitingOnLeadUnit: TaskEvent = {
  type: 'BlockageReported',
  data: {
    taskId,
    blockageId: 'b2',
    description: 'Waiting for the school design',
    waitingOnUnitId: 'education-bureau',
    reportedByUnitId: null,
  },
};

const busyTask = [
  ...plannedTask,
  blockageReported(),
  waitingOnLeadUnit,
  extensionRequested(),
  extensionReviewed(),
  extensionRequested('r2', '2021-12-31', null, '2021-12-31'),
  indicatorDefined(),
  noticeIssued(),
];

describe('a command sent by a role not allowed to send it', () => {
  it.each(refusedRoles)('%s by %s is FORBIDDEN', (type, role) => {
    const error = given(taskDecider, busyTask)
      .when(samples[type], contextOf(role))
      .thenThrows('FORBIDDEN');
    expect(error.message).toContain(role);
  });

  const allowedRoles = types.flatMap((type) => allowed[type].map((role) => [type, role] as const));

  it.each(allowedRoles)('%s by %s is not refused for the role', (type, role) => {
    const state = busyTask.reduce(taskDecider.evolve, taskDecider.initialState());
    const decision = () => taskDecider.decide(samples[type], state, contextOf(role));
    let code: string | undefined;
    try {
      decision();
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).not.toBe('FORBIDDEN');
  });

  it('is refused before the task is even looked up', () => {
    given(taskDecider, [])
      .when(samples.ApproveDeadlineExtension, actingAs('office'))
      .thenThrows('FORBIDDEN');
  });
});

describe('a command for a task not registered', () => {
  it.each(types)('%s is NOT_FOUND', (type) => {
    given(taskDecider, [])
      .when(samples[type], allowedActor(type))
      .thenThrows('NOT_FOUND', 'taskId');
  });
});

const unitCommands: NewCommandType[] = [
  'SignTask',
  'ReturnTask',
  'RequestDeadlineExtension',
  'ReportTaskCompletion',
  'ReportIndicatorValue',
  'ReopenBlockage',
  'AnswerSupervisionNotice',
  'DeclareBlockagePartDone',
  'ReplyToSource',
];

describe('a department head of a unit with no part in the task', () => {
  it.each(unitCommands)('is FORBIDDEN to %s', (type) => {
    given(taskDecider, busyTask).when(samples[type], outsiderHead).thenThrows('FORBIDDEN');
  });
});

describe('a terminated task', () => {
  const terminated = [...busyTask, taskTerminated];

  it.each(types)('refuses %s as ILLEGAL_STATE', (type) => {
    const error = given(taskDecider, terminated)
      .when(samples[type], allowedActor(type))
      .thenThrows('ILLEGAL_STATE', 'taskId');
    expect(error.message).toContain('terminated');
  });

  it.each<TaskCommand>([
    {
      type: 'AssignTask',
      data: {
        taskId,
        leadUnitId: 'land-bureau',
        cooperatingUnitIds: [],
        responsibleLeader: null,
        knownUnitIds: units,
      },
    },
    { type: 'ReportProgress', data: { taskId, milestoneId: 'm1', percent: 10, note: null } },
    { type: 'ResolveBlockage', data: { taskId, blockageId: 'b1', resolution: 'r' } },
  ])('refuses the earlier command $type too', (command) => {
    given(taskDecider, terminated).when(command).thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

const closingCommands: TaskCommandType[] = [
  'SignTask',
  'TransferTask',
  'ReturnTask',
  'RequestDeadlineExtension',
  'ReviewDeadlineExtension',
  'ApproveDeadlineExtension',
  'ReopenMilestone',
  'ReportTaskCompletion',
  'SuspendTask',
  'ResumeTask',
  'TerminateTask',
  'IssueSupervisionNotice',
  'ReopenBlockage',
  'UrgeTask',
  'ReplyToSource',
];

describe('a closed task (completion accepted, 办结)', () => {
  const history = [...closedTask, blockageReported(), indicatorDefined(), noticeIssued()];

  it.each(closingCommands as NewCommandType[])('refuses %s as ILLEGAL_STATE', (type) => {
    const error = given(taskDecider, history)
      .when(samples[type], allowedActor(type))
      .thenThrows('ILLEGAL_STATE', 'taskId');
    expect(error.message).toContain('closed');
  });

  it.each<TaskCommand>([
    {
      type: 'PlanMilestone',
      data: { taskId, milestoneId: 'm2', title: 't', dueDate: '2021-09-30', weight: 1 },
    },
    {
      type: 'ReportBlockage',
      data: { taskId, blockageId: 'b2', description: 'd', waitingOnUnitId: null, knownUnitIds: [] },
    },
  ])('refuses the earlier command $type too', (command) => {
    given(taskDecider, history).when(command).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it.each([
    'DefineIndicator',
    'ReportIndicatorValue',
    'AnswerSupervisionNotice',
    'IssueLeadershipInstruction',
    'RecordAccountability',
    'AwardBonus',
    'EscalateBlockage',
    'AssignBlockageCoordination',
  ] as const)('still takes %s: results, audits and bonuses come later', (type) => {
    const state = history.reduce(taskDecider.evolve, taskDecider.initialState());
    expect(taskDecider.decide(samples[type], state, allowedActor(type))).toHaveLength(1);
  });

  it('still lets a leader reject an extension left open', () => {
    const withRequest = [
      ...plannedTask,
      extensionRequested(),
      extensionReviewed(),
      ...closedTask.slice(3),
    ];
    const state = withRequest.reduce(taskDecider.evolve, taskDecider.initialState());
    expect(
      taskDecider.decide(samples.RejectDeadlineExtension, state, actingAs('leader')),
    ).toHaveLength(1);
  });
});

describe('a suspended task', () => {
  const suspended = [...completedTask, completionReported, taskSuspended];

  it.each(['ReportTaskCompletion', 'AcceptTaskCompletion', 'SuspendTask'] as const)(
    'refuses %s as ILLEGAL_STATE',
    (type) => {
      const error = given(taskDecider, suspended)
        .when(samples[type], allowedActor(type))
        .thenThrows('ILLEGAL_STATE', 'taskId');
      expect(error.message).toContain('suspended');
    },
  );

  it.each<TaskCommand>([
    { type: 'ReportProgress', data: { taskId, milestoneId: 'm1', percent: 10, note: null } },
    { type: 'CompleteMilestone', data: { taskId, milestoneId: 'm1', note: null } },
  ])('takes no $type', (command) => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(command, headOf('education-bureau'))
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it.each([
    'SignTask',
    'RequestDeadlineExtension',
    'IssueSupervisionNotice',
    'ResumeTask',
    'TerminateTask',
  ] as const)('still takes %s', (type) => {
    const history = [...plannedTask, taskSuspended];
    const state = history.reduce(taskDecider.evolve, taskDecider.initialState());
    expect(taskDecider.decide(samples[type], state, allowedActor(type))).toHaveLength(1);
  });
});
