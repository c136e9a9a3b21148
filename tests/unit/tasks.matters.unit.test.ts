import type { TaskEvent } from '../../contracts/events/index.ts';
import type { MatterSource } from '../../contracts/events/matter-sources.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  completionAccepted,
  completionReported,
  evidenceFile,
  leadHead,
  milestoneCompleted,
  milestonePlanned,
  outsiderHead,
  taskAssigned,
  taskId,
  taskRegistered,
  taskTerminated,
} from './support/task-fixtures.ts';

const proposal: MatterSource = {
  kind: 'cppcc_proposal',
  documentNumber: '第0123号',
  issuer: '张委员',
  issuedOn: '2021-03-05',
  originalText: '关于加快建设社区养老服务中心的提案',
  channel: null,
};

const registerMatter = taskCommand('RegisterMatter', {
  taskId,
  title: '加快建设社区养老服务中心',
  description: null,
  section: null,
  source: proposal,
});

const matterRegistered = (source: MatterSource, dueDate: string): TaskEvent => ({
  type: 'TaskRegistered',
  data: {
    taskId,
    title: '加快建设社区养老服务中心',
    description: null,
    section: null,
    plannedStart: source.issuedOn,
    dueDate,
    source,
  },
});

/** The office's registration, with a source of `kind` and the fields it changes. */
const registerKind = (source: Partial<MatterSource>) =>
  registerMatter({ source: { ...proposal, ...source } });

describe('the office registering a matter (事项登记)', () => {
  it('records the source with the registration, from the day issued', () => {
    given(taskDecider, [])
      .when(registerMatter({ dueDate: '2021-06-30' }))
      .then([matterRegistered(proposal, '2021-06-30')]);
  });

  it('counts a 批示件’s 10 working days from the day issued across a weekend', () => {
    // Friday 2021-03-05: two whole weeks of working days on, Friday 2021-03-19.
    const source = { ...proposal, kind: 'leader_instruction' as const, issuer: '王区长' };
    given(taskDecider, [])
      .when(registerKind(source))
      .then([matterRegistered(source, '2021-03-19')]);
  });

  it('counts across the National Day holiday and the Saturday worked after it', () => {
    // Thursday 2021-09-30; 1–7 October off; Friday 8 and Saturday 9 worked: the 10th is 20 October.
    const source = { ...proposal, kind: 'leader_instruction' as const, issuedOn: '2021-09-30' };
    given(taskDecider, [])
      .when(registerKind(source))
      .then([matterRegistered(source, '2021-10-20')]);
  });

  it('gives a proposal three months, 60 working days, by default', () => {
    // 2021-03-05 + 60 working days: 18 in March, 22 in April and 19 in May (Qingming and Labour Day off, 25 April and 8 May worked), then 1 June.
    given(taskDecider, [])
      .when(registerMatter())
      .then([matterRegistered(proposal, '2021-06-01')]);
  });

  it('follows the ruleset the service looked up: a version may give a clue less time', () => {
    const source = { ...proposal, kind: 'public_clue' as const, channel: 'hotline_12345' as const };
    const limits = { ...defaultRuleset, version: 4 };
    const matters = {
      limits: [{ kind: 'public_clue' as const, workingDays: 5 }],
      redoWorkingDays: 20,
      dissatisfiedDeduction: -1,
    };
    given(taskDecider, [])
      .when(registerMatter({ source, ruleset: { ...limits, matters } }))
      .then([matterRegistered(source, '2021-03-12')]);
  });

  it('takes a leader’s assignment without a document number', () => {
    const source = { ...proposal, kind: 'leader_assignment' as const, documentNumber: null };
    given(taskDecider, [])
      .when(registerKind(source))
      .then([matterRegistered(source, '2021-03-19')]);
  });

  itRefuses(
    taskDecider,
    [],
    [
      [
        'a proposal without its number (提案号)',
        registerKind({ documentNumber: null }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-05T04:00:00.000Z' },
        'VALIDATION',
        'source.documentNumber',
      ],
      [
        'a 12345 request without its channel',
        registerKind({ kind: 'public_clue', documentNumber: 'GD2021030500012' }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-05T04:00:00.000Z' },
        'VALIDATION',
        'source.channel',
      ],
      [
        'a channel on a kind that is not a clue',
        registerKind({ channel: 'hotline_12345' }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-05T04:00:00.000Z' },
        'VALIDATION',
        'source.channel',
      ],
      [
        'a due date before the day issued',
        registerMatter({ dueDate: '2021-03-04' }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-05T04:00:00.000Z' },
        'VALIDATION',
        'dueDate',
      ],
      [
        'an unknown kind',
        registerKind({ kind: 'rumour' as never }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-05T04:00:00.000Z' },
        'VALIDATION',
        'source.kind',
      ],
      [
        'a source without its issuer',
        registerKind({ issuer: ' ' }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-05T04:00:00.000Z' },
        'VALIDATION',
        'source.issuer',
      ],
    ],
  );

  it('refuses a second registration of the same task', () => {
    given(taskDecider, [taskRegistered])
      .when(registerMatter())
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

const reply = taskCommand('ReplyToSource', {
  taskId,
  replyId: 'reply-1',
  text: '已将社区养老服务中心列入年度计划，年内建成2个',
  documentNumber: '高新民〔2021〕12号',
  evidence: [evidenceFile],
});

const replied = (replyId = 'reply-1', repliedOn = '2021-03-01'): TaskEvent => ({
  type: 'SourceReplied',
  data: {
    taskId,
    replyId,
    text: '已将社区养老服务中心列入年度计划，年内建成2个',
    documentNumber: '高新民〔2021〕12号',
    evidence: [evidenceFile],
    repliedByUnitId: 'education-bureau',
    repliedOn,
  },
});

const proposalTask: TaskEvent[] = [
  matterRegistered(proposal, '2021-06-01'),
  taskAssigned,
  milestonePlanned(),
];
const proposalDone: TaskEvent[] = [...proposalTask, milestoneCompleted()];

const report = taskCommand('ReportTaskCompletion', {
  taskId,
  summary: '已办结',
  evidence: [],
});

describe('the lead unit answering the source (办理答复)', () => {
  it('records the reply, its number and evidence, on the day', () => {
    given(taskDecider, proposalTask).when(reply(), leadHead).then([replied()]);
  });

  itRefuses(taskDecider, proposalTask, [
    ['by a unit not on the task', reply(), outsiderHead, 'FORBIDDEN'],
    [
      'by the office',
      reply(),
      { actor: { id: 'office-1', role: 'office' }, now: '2021-03-01T04:00:00.000Z' },
      'FORBIDDEN',
    ],
  ]);

  it('refuses a reply on the plan’s task: it has no source', () => {
    given(taskDecider, [taskRegistered, taskAssigned])
      .when(reply(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is needed before the completion of a proposal is reported', () => {
    given(taskDecider, proposalDone).when(report(), leadHead).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('lets the completion be reported once answered', () => {
    given(taskDecider, [...proposalDone, replied()])
      .when(report(), leadHead)
      .then([
        { type: 'TaskCompletionReported', data: { taskId, summary: '已办结', evidence: [] } },
      ]);
  });

  it('is not needed for a meeting’s decision: its completion report is its answer', () => {
    const meeting = { ...proposal, kind: 'meeting_decision' as const, issuer: '区政府常务会议' };
    given(taskDecider, [
      matterRegistered(meeting, '2021-04-02'),
      taskAssigned,
      milestonePlanned(),
      milestoneCompleted(),
    ])
      .when(report(), leadHead)
      .then([
        { type: 'TaskCompletionReported', data: { taskId, summary: '已办结', evidence: [] } },
      ]);
  });
});

const rate = taskCommand('RecordProposerEvaluation', {
  taskId,
  evaluationId: 'evaluation-1',
  rating: 'dissatisfied',
  comment: '答复未说明选址，不满意',
});

const evaluated = (
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied',
  evaluationId = 'evaluation-1',
  replyId = 'reply-1',
): TaskEvent => ({
  type: 'ProposerEvaluationRecorded',
  data: {
    taskId,
    evaluationId,
    replyId,
    rating,
    comment: '答复未说明选址，不满意',
    unitId: 'education-bureau',
    recordedOn: '2021-03-01',
  },
});

/** Reopened on Monday 2021-03-01: due 20 working days on (03-29), or later where it already was. */
const reopenedForRedo = (previousDueDate = '2021-06-01'): TaskEvent => ({
  type: 'TaskReopenedForRedo',
  data: {
    taskId,
    evaluationId: 'evaluation-1',
    previousDueDate,
    dueDate: previousDueDate > '2021-03-29' ? previousDueDate : '2021-03-29',
    reopenedOn: '2021-03-01',
  },
});

const closedProposal: TaskEvent[] = [
  ...proposalDone,
  replied(),
  completionReported,
  completionAccepted,
];
/** The closed proposal, its own due date already past (2021-02-26). */
const closedPastDue: TaskEvent[] = closedProposal.map((event) =>
  event.type === 'TaskRegistered'
    ? { ...event, data: { ...event.data, dueDate: '2021-02-26' } }
    : event,
);

describe('the proposer’s evaluation (满意度征询)', () => {
  it('records 满意 as the office took it down', () => {
    given(taskDecider, closedProposal)
      .when(rate({ rating: 'satisfied' }))
      .then([evaluated('satisfied')]);
  });

  it('reopens the closed matter after 不满意, due 20 working days on (重新办理)', () => {
    given(taskDecider, closedPastDue)
      .when(rate())
      .then([evaluated('dissatisfied'), reopenedForRedo('2021-02-26')]);
  });

  it('keeps its own due date on 不满意 where that is later than the redo limit', () => {
    given(taskDecider, closedProposal)
      .when(rate())
      .then([evaluated('dissatisfied'), reopenedForRedo('2021-06-01')]);
  });

  it('takes a new answer after 重新办理 before the completion is reported again', () => {
    given(taskDecider, [...closedProposal, evaluated('dissatisfied'), reopenedForRedo()])
      .when(report(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('rates the new answer again', () => {
    given(taskDecider, [
      ...closedProposal,
      evaluated('dissatisfied'),
      reopenedForRedo(),
      replied('reply-2', '2021-03-10'),
    ])
      .when(rate({ evaluationId: 'evaluation-2', rating: 'satisfied' }))
      .then([
        {
          ...evaluated('satisfied', 'evaluation-2', 'reply-2'),
        },
      ]);
  });

  it('lets the lead unit answer and report again after 重新办理', () => {
    given(taskDecider, [...closedProposal, evaluated('dissatisfied'), reopenedForRedo()])
      .when(reply({ replyId: 'reply-2' }), leadHead)
      .then([replied('reply-2')]);
  });

  itRefuses(
    taskDecider,
    [...closedProposal, evaluated('satisfied')],
    [
      [
        'a second rating of the same reply',
        rate({ evaluationId: 'evaluation-2' }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-01T04:00:00.000Z' },
        'ILLEGAL_STATE',
        'taskId',
      ],
      [
        'an evaluation id used before',
        rate(),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-01T04:00:00.000Z' },
        'ILLEGAL_STATE',
        'evaluationId',
      ],
      [
        'a rating by the lead unit itself',
        rate({ evaluationId: 'evaluation-2' }),
        leadHead,
        'FORBIDDEN',
      ],
      [
        'a rating not in the list',
        rate({ evaluationId: 'evaluation-2', rating: 'so-so' as never }),
        { actor: { id: 'office-1', role: 'office' }, now: '2021-03-01T04:00:00.000Z' },
        'VALIDATION',
        'rating',
      ],
    ],
  );

  it('is refused before any reply', () => {
    given(taskDecider, proposalTask).when(rate()).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is refused for a 批示件: only 建议 and 提案 are rated', () => {
    const instruction = { ...proposal, kind: 'leader_instruction' as const };
    given(taskDecider, [matterRegistered(instruction, '2021-03-19'), taskAssigned, replied()])
      .when(rate())
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is refused on a terminated matter', () => {
    given(taskDecider, [...proposalTask, replied(), taskTerminated])
      .when(rate())
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});
