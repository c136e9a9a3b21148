import type { TaskEvent } from '../../contracts/events/index.ts';
import type { IndicatorSource } from '../../contracts/events/task-events.ts';
import { recordedAt } from './support/project.ts';
import {
  evidenceFile,
  indicatorDefined,
  noticeAnswered,
  noticeIssued,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const valueReported = (value: number, asOf: string, source: IndicatorSource): TaskEvent => ({
  type: 'IndicatorValueReported',
  data: {
    taskId,
    indicatorId: 'i1',
    value,
    asOf,
    source,
    evidence: source === 'measured' ? [evidenceFile] : [],
    reportedByUnitId: source === 'measured' ? null : 'education-bureau',
  },
});

const withIndicator = [...plannedTask, indicatorDefined()];

describe('an indicator (实效) on the task page', () => {
  it('shows its target, comparison, unit of measure and baseline, with no value yet', () => {
    expect(page(withIndicator).indicators).toEqual([
      {
        id: 'i1',
        name: 'New schools opened',
        unitOfMeasure: 'schools',
        target: 3,
        comparison: 'gte',
        dueDate: '2021-12-31',
        baseline: 0,
        tolerance: 0,
        wholeNumbers: false,
        assumed: [],
        definedAt: recordedAt(3),
        valueCount: 0,
        latest: null,
        latestSelfReported: null,
        latestMeasured: null,
      },
    ]);
  });

  it('shows the latest self-reported and the latest measured value side by side', () => {
    const doc = page(
      [
        ...withIndicator,
        valueReported(1, '2021-05-31', 'self_reported'),
        valueReported(2, '2021-06-30', 'self_reported'),
        valueReported(1, '2021-06-30', 'measured'),
      ],
      { 4: 'head-of-education-bureau', 5: 'head-of-education-bureau', 6: 'office-1' },
    );
    const [indicator] = doc.indicators;
    expect(indicator?.valueCount).toBe(3);
    expect(indicator?.latestSelfReported).toEqual({
      value: 2,
      asOf: '2021-06-30',
      source: 'self_reported',
      evidence: [],
      reportedByUnitId: 'education-bureau',
      reportedAt: recordedAt(5),
      reportedBy: 'head-of-education-bureau',
    });
    expect(indicator?.latestMeasured).toMatchObject({
      value: 1,
      asOf: '2021-06-30',
      reportedByUnitId: null,
      reportedBy: 'office-1',
      evidence: [evidenceFile],
    });
    expect(indicator?.latest).toMatchObject({ value: 1, source: 'measured' });
  });

  it('keeps the latest value of the latest day when a value for an earlier day comes in late', () => {
    const doc = page([
      ...withIndicator,
      valueReported(2, '2021-06-30', 'self_reported'),
      valueReported(1, '2021-05-31', 'self_reported'),
    ]);
    expect(doc.indicators[0]?.latest).toMatchObject({ value: 2, asOf: '2021-06-30' });
    expect(doc.indicators[0]?.latestSelfReported).toMatchObject({ value: 2 });
    expect(doc.indicators[0]?.valueCount).toBe(2);
  });
});

describe('a supervision notice on the task page', () => {
  it('shows its slip colour, addressee, subject and reply date, unanswered', () => {
    const doc = page([...plannedTask, noticeIssued()]);
    expect(doc.notices).toEqual([
      {
        id: 'n1',
        level: 'yellow',
        toUnitId: 'education-bureau',
        subject: 'Land approval is late',
        body: 'Report the cause and a new date.',
        replyDueDate: '2021-03-05',
        issuedAt: recordedAt(3),
        issuedBy: 'office-1',
        answered: false,
        answer: null,
        answerEvidence: [],
        answeredAt: null,
        answeredBy: null,
        addressee: null,
        escalatedFrom: null,
        escalatedTo: null,
        overdueOn: null,
      },
    ]);
  });

  it('shows the answer, when and who answered', () => {
    const doc = page([...plannedTask, noticeIssued(), noticeAnswered()], {
      4: 'head-of-education-bureau',
    });
    expect(doc.notices[0]).toMatchObject({
      answered: true,
      answer: 'Approval expected 10 March',
      answeredAt: recordedAt(4),
      answeredBy: 'head-of-education-bureau',
    });
  });
});

describe('instructions (批示) and accountability (问责) on the task page', () => {
  const instruction: TaskEvent = {
    type: 'LeadershipInstructionIssued',
    data: {
      taskId,
      instructionId: 'x1',
      text: 'Finish the land survey this month.',
      addressedToUnitIds: ['education-bureau', 'land-bureau'],
    },
  };
  const accountability: TaskEvent = {
    type: 'AccountabilityRecorded',
    data: {
      taskId,
      recordId: 'a1',
      against: { kind: 'unit', id: 'education-bureau' },
      kind: 'criticism',
      reason: 'Milestone missed twice',
      scoreDeduction: 2,
    },
  };

  it('show the instruction’s text, the leader, when and to whom', () => {
    const doc = page([...plannedTask, instruction], { 3: 'leader-wang' });
    expect(doc.instructions).toEqual([
      {
        id: 'x1',
        text: 'Finish the land survey this month.',
        addressedToUnitIds: ['education-bureau', 'land-bureau'],
        issuedAt: recordedAt(3),
        issuedBy: 'leader-wang',
      },
    ]);
  });

  it('show the accountability record against whom, its kind, reason and deduction', () => {
    const doc = page([...plannedTask, accountability], { 3: 'inspector-1' });
    expect(doc.accountabilityRecords).toEqual([
      {
        id: 'a1',
        against: { kind: 'unit', id: 'education-bureau' },
        kind: 'criticism',
        reason: 'Milestone missed twice',
        scoreDeduction: 2,
        status: 'decided',
        recordedAt: recordedAt(3),
        recordedBy: 'inspector-1',
      },
    ]);
  });
});
