import type { TaskEvent } from '../../contracts/events/index.ts';
import type { MatterSource } from '../../contracts/events/matter-sources.ts';
import { boardTaskProjection } from '../../projections/boards/task-progress/projection.ts';
import { taskListProjection } from '../../projections/task-list/projection.ts';
import { project, recordedAt } from './support/project.ts';
import {
  completionAccepted,
  completionReported,
  milestoneCompleted,
  milestonePlanned,
  taskAssigned,
  taskId,
  taskRegistered,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const source: MatterSource = {
  kind: 'cppcc_proposal',
  documentNumber: '提案第0123号',
  issuer: '张委员',
  issuedOn: '2021-03-01',
  originalText: '关于加快建设社区养老服务中心的提案',
  channel: null,
};

const registered: TaskEvent = {
  type: 'TaskRegistered',
  data: {
    taskId,
    title: '加快建设社区养老服务中心',
    description: null,
    section: null,
    plannedStart: '2021-03-01',
    dueDate: '2021-05-31',
    source,
  },
};

const replied: TaskEvent = {
  type: 'SourceReplied',
  data: {
    taskId,
    replyId: 'reply-1',
    text: '已列入年度计划',
    documentNumber: null,
    evidence: [],
    repliedByUnitId: 'education-bureau',
    repliedOn: '2021-03-06',
  },
};

const dissatisfied: TaskEvent = {
  type: 'ProposerEvaluationRecorded',
  data: {
    taskId,
    evaluationId: 'evaluation-1',
    replyId: 'reply-1',
    rating: 'dissatisfied',
    comment: '未说明资金来源',
    unitId: 'education-bureau',
    recordedOn: '2021-03-10',
  },
};

const reopened: TaskEvent = {
  type: 'TaskReopenedForRedo',
  data: {
    taskId,
    evaluationId: 'evaluation-1',
    previousDueDate: '2021-05-31',
    dueDate: '2021-04-08',
    reopenedOn: '2021-03-10',
  },
};

/** A proposal answered, closed, rated 不满意 and reopened. */
const history = [
  registered,
  taskAssigned,
  milestonePlanned(),
  milestoneCompleted(),
  replied,
  completionReported,
  completionAccepted,
  dissatisfied,
  reopened,
];

describe('a matter on the task page', () => {
  it('shows its kind and source, and the plan’s task has none', () => {
    expect(page([registered])).toMatchObject({ kind: 'cppcc_proposal', source });
    expect(page([taskRegistered])).toMatchObject({ kind: 'annual_plan', source: null });
  });

  it('lists the answer, the rating and the 重新办理, and is open again to its new due date', () => {
    const doc = page(history);
    expect(doc.replies).toEqual([
      {
        id: 'reply-1',
        text: '已列入年度计划',
        documentNumber: null,
        evidence: [],
        unitId: 'education-bureau',
        repliedOn: '2021-03-06',
        repliedAt: recordedAt(4),
        repliedBy: 'office-1',
      },
    ]);
    expect(doc.evaluations?.map((e) => [e.rating, e.replyId])).toEqual([
      ['dissatisfied', 'reply-1'],
    ]);
    expect(doc.redos).toEqual([
      {
        evaluationId: 'evaluation-1',
        previousDueDate: '2021-05-31',
        dueDate: '2021-04-08',
        reopenedOn: '2021-03-10',
        reopenedAt: recordedAt(8),
      },
    ]);
    expect(doc).toMatchObject({ dueDate: '2021-04-08', completion: { state: 'none' } });
    expect(doc.status).not.toBe('closed');
  });
});

describe('a matter in the task list and the boards’ documents', () => {
  it('is listed by its kind, open again after 重新办理', () => {
    const row = project(taskListProjection, history);
    expect(row).toMatchObject({
      kind: 'cppcc_proposal',
      dueDate: '2021-04-08',
      kindDueDate: 'cppcc_proposal|2021-04-08',
      completion: 'none',
    });
    expect(row?.status).not.toBe('closed');
  });

  it('keeps its kind and the rating for the scores, open again', () => {
    const doc = project(boardTaskProjection, history);
    expect(doc).toMatchObject({
      kind: 'cppcc_proposal',
      completion: 'none',
      dueDate: '2021-04-08',
    });
    expect(doc?.evaluations).toEqual([
      {
        evaluationId: 'evaluation-1',
        position: 8,
        day: '2021-03-10',
        unitId: 'education-bureau',
        rating: 'dissatisfied',
        comment: '未说明资金来源',
      },
    ]);
  });
});
