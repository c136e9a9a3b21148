import type { DomainEvent } from '../../contracts/events/index.ts';
import {
  boardBlockageProjection,
  boardIndicatorProjection,
  boardMilestoneProjection,
  boardOfficialProjection,
  boardTaskProjection,
} from '../../projections/boards/index.ts';
import type { Projection } from '../../projections/projection.ts';
import {
  accountable,
  assigned,
  at,
  blocked,
  completed,
  escalated,
  extensionAsked,
  extensionGranted,
  extensionReviewed,
  indicator,
  official,
  planned,
  postAssigned,
  postVacated,
  registered,
  reported,
  resolved,
  returned,
  transferred,
  valued,
} from './support/boards.ts';
import { deepFreeze, envelopes } from './support/project.ts';

/** Events each recorded on its own day (CST), folded as the projector folds them. */
const fold = <D extends { position: number }>(
  projection: Projection<D>,
  dated: [string, DomainEvent][],
): D | null =>
  envelopes(dated.map(([, event]) => event)).reduce<D | null>((doc, envelope, index) => {
    const recordedAt = at(dated[index]?.[0] ?? '');
    if (!projection.handles.includes(envelope.event.type)) return doc;
    return projection.evolve(deepFreeze(doc), { ...envelope, recordedAt });
  }, null);

describe('the board document of a task', () => {
  it('keeps its progress once per day reported, and the day it was done', () => {
    const task = fold(boardTaskProjection, [
      ['2021-03-01', registered('t1', { section: 'Education' })],
      ['2021-03-01', planned('t1', 'm1', '2021-06-30', 1)],
      ['2021-03-01', planned('t1', 'm2', '2021-06-30', 3)],
      ['2021-03-05', reported('t1', 'm1', 40)],
      ['2021-03-05', reported('t1', 'm1', 60)],
      ['2021-03-09', completed('t1', 'm1')],
      ['2021-04-01', completed('t1', 'm2')],
    ]);
    expect(task).toMatchObject({
      id: 't1',
      position: 7,
      registeredOn: '2021-03-01',
      reports: [
        { day: '2021-03-05', actual: 15 },
        { day: '2021-03-09', actual: 25 },
        { day: '2021-04-01', actual: 100 },
      ],
      doneOn: '2021-04-01',
    });
  });

  it('is no longer done when a milestone reopens or another is planned', () => {
    const reopened = fold(boardTaskProjection, [
      ['2021-03-01', registered('t1')],
      ['2021-03-01', planned('t1', 'm1', '2021-06-30')],
      ['2021-03-02', completed('t1', 'm1')],
      ['2021-03-03', planned('t1', 'm2', '2021-06-30')],
    ]);
    expect(reopened?.doneOn).toBeNull();
  });

  it('keeps the moves of its lead, the rework asked and the records', () => {
    const task = fold(boardTaskProjection, [
      ['2021-03-01', registered('t1')],
      ['2021-03-01', assigned('t1', 'edu', ['fin'])],
      ['2021-03-02', returned('t1', 'edu')],
      ['2021-03-03', transferred('t1', null, 'env')],
      [
        '2021-05-01',
        { type: 'TaskCompletionReported', data: { taskId: 't1', summary: 's', evidence: [] } },
      ],
      ['2021-05-02', { type: 'TaskCompletionRejected', data: { taskId: 't1', reason: 'thin' } }],
      ['2021-05-03', accountable('t1', 'r1', { kind: 'unit', id: 'env' }, 2)],
    ]);
    expect(task).toMatchObject({
      leadUnitId: 'env',
      cooperatingUnitIds: ['fin'],
      completion: 'none',
      rejectedOn: ['2021-05-02'],
      moves: [
        {
          day: '2021-03-02',
          kind: 'returned',
          fromUnitId: 'edu',
          toUnitId: null,
          reason: 'wrongly assigned',
        },
        {
          day: '2021-03-03',
          kind: 'transferred',
          fromUnitId: null,
          toUnitId: 'env',
          reason: 'not ours',
        },
      ],
      accountability: [
        {
          recordId: 'r1',
          position: 7,
          day: '2021-05-03',
          against: { kind: 'unit', id: 'env' },
          kind: 'criticism',
          reason: 'record r1',
          scoreDeduction: 2,
        },
      ],
    });
  });

  it('follows suspension, resumption and termination', () => {
    const steps: [string, DomainEvent][] = [
      ['2021-03-01', registered('t1')],
      ['2021-03-02', { type: 'TaskSuspended', data: { taskId: 't1', reason: 'r' } }],
    ];
    expect(fold(boardTaskProjection, steps)?.lifecycle).toBe('suspended');
    steps.push(['2021-03-03', { type: 'TaskResumed', data: { taskId: 't1', reason: 'r' } }]);
    expect(fold(boardTaskProjection, steps)?.lifecycle).toBe('active');
    steps.push(['2021-03-04', { type: 'TaskTerminated', data: { taskId: 't1', reason: 'r' } }]);
    expect(fold(boardTaskProjection, steps)?.lifecycle).toBe('terminated');
  });

  it('is kept under the task id', () => {
    const [envelope] = envelopes([registered('t1')]);
    expect(boardTaskProjection.documentId(envelope!)).toBe('t1');
    expect(boardTaskProjection.collection).toBe('board_tasks');
  });
});

describe('the board document of a task asked more time for its own due date', () => {
  const asked: [string, DomainEvent][] = [
    ['2021-03-01', registered('t1')],
    ['2021-03-01', planned('t1', 'm1', '2021-06-30')],
    ['2021-11-01', extensionAsked('t1', null, 'rt', '2021-12-31', '2022-01-31')],
    ['2021-11-02', extensionReviewed('t1', null, 'rt')],
  ];

  it('lists the request with its review, the due date unchanged until granted', () => {
    expect(fold(boardTaskProjection, asked)).toMatchObject({
      dueDate: '2021-12-31',
      extensions: [
        {
          requestId: 'rt',
          requestedOn: '2021-11-01',
          currentDueDate: '2021-12-31',
          requestedDueDate: '2022-01-31',
          status: 'forwarded',
          reviewedOn: '2021-11-02',
          reviewedBy: 'office-1',
        },
      ],
    });
  });

  it('moves the task’s due date once granted', () => {
    const granted = fold(boardTaskProjection, [
      ...asked,
      ['2021-11-03', extensionGranted('t1', null, 'rt', '2022-01-31')],
    ]);
    expect(granted).toMatchObject({
      dueDate: '2022-01-31',
      extensions: [{ status: 'approved', decidedOn: '2021-11-03', decidedBy: 'leader-1' }],
    });
  });

  it('keeps the due date when the office declines it', () => {
    const declined = fold(boardTaskProjection, [
      ...asked.slice(0, 3),
      ['2021-11-02', extensionReviewed('t1', null, 'rt', false)],
    ]);
    expect(declined).toMatchObject({ dueDate: '2021-12-31', extensions: [{ status: 'declined' }] });
  });

  it('leaves a milestone’s request to the milestone’s document', () => {
    const task = fold(boardTaskProjection, [
      ...asked.slice(0, 2),
      ['2021-04-01', extensionAsked('t1', 'm1', 'r1', '2021-06-30', '2021-07-31')],
      ['2021-04-02', extensionReviewed('t1', 'm1', 'r1')],
      ['2021-04-03', extensionGranted('t1', 'm1', 'r1', '2021-07-31')],
    ]);
    expect(task).toMatchObject({ dueDate: '2021-12-31', extensions: [] });
  });

  it('is none of a milestone document’s', () => {
    const [envelope] = envelopes([extensionAsked('t1', null, 'rt', '2021-12-31', '2022-01-31')]);
    expect(boardMilestoneProjection.documentId(envelope!)).toBeNull();
  });
});

describe('the board document of a milestone', () => {
  it('keeps its planned and current due dates, and the clock facts for the current one', () => {
    const milestone = fold(boardMilestoneProjection, [
      ['2021-03-01', planned('t1', 'm1', '2021-04-22')],
      ['2021-03-10', reported('t1', 'm1', 30)],
      [
        '2021-04-19',
        {
          type: 'MilestoneDueSoonReminded',
          data: {
            taskId: 't1',
            milestoneId: 'm1',
            dueDate: '2021-04-22',
            remindedOn: '2021-04-19',
          },
        },
      ],
      ['2021-04-20', extensionAsked('t1', 'm1', 'r1', '2021-04-22', '2021-05-31')],
      ['2021-04-21', extensionGranted('t1', 'm1', 'r1', '2021-05-31')],
    ]);
    expect(milestone).toMatchObject({
      id: 't1/m1',
      plannedDueDate: '2021-04-22',
      dueDate: '2021-05-31',
      percent: 30,
      lastReportedOn: '2021-03-10',
      remindedOn: null,
      extensions: [{ requestId: 'r1', status: 'approved', decidedOn: '2021-04-21' }],
    });
  });

  it('records the overdue fact only for its current due date', () => {
    const milestone = fold(boardMilestoneProjection, [
      ['2021-03-01', planned('t1', 'm1', '2021-04-22')],
      [
        '2021-04-23',
        {
          type: 'MilestoneOverdue',
          data: {
            taskId: 't1',
            milestoneId: 'm1',
            dueDate: '2021-04-20',
            recordedOn: '2021-04-23',
          },
        },
      ],
    ]);
    expect(milestone?.overdueRecordedOn).toBeNull();
  });

  it('is kept under task and milestone id, and ignores other events', () => {
    const [reportedEnvelope, blockedEnvelope] = envelopes([
      reported('t1', 'm1', 5),
      blocked('t1', 'b1', null),
    ]);
    expect(boardMilestoneProjection.documentId(reportedEnvelope!)).toBe('t1/m1');
    expect(boardMilestoneProjection.documentId(blockedEnvelope!)).toBeNull();
  });
});

describe('the board document of a blockage', () => {
  it('keeps who waits on whom, the escalations and the days it opened and closed', () => {
    const blockage = fold(boardBlockageProjection, [
      ['2021-03-01', blocked('t1', 'b1', 'env', 'edu')],
      ['2021-03-04', escalated('t1', 'b1', 1)],
      [
        '2021-03-05',
        {
          type: 'BlockageCoordinationAssigned',
          data: { taskId: 't1', blockageId: 'b1', coordinatorUnitId: 'office', note: null },
        },
      ],
      ['2021-03-06', resolved('t1', 'b1')],
    ]);
    expect(blockage).toMatchObject({
      id: 't1/b1',
      waitingOnUnitId: 'env',
      reportedByUnitId: 'edu',
      reportedOn: '2021-03-01',
      openedOn: '2021-03-01',
      open: false,
      resolvedOn: '2021-03-06',
      level: 1,
      coordinatorUnitId: 'office',
      escalations: [{ day: '2021-03-04', level: 1, by: 'system' }],
    });
  });
});

describe('the board document of an indicator', () => {
  it('keeps the latest value of each source by the day it speaks of', () => {
    const kept = fold(boardIndicatorProjection, [
      ['2021-01-01', indicator('t1', 'i1', 97, 'gte', { baseline: 80 })],
      ['2021-04-01', valued('t1', 'i1', 90, '2021-03-31')],
      ['2021-04-02', valued('t1', 'i1', 85, '2021-02-28')],
      ['2021-04-03', valued('t1', 'i1', 88, '2021-03-31', 'measured')],
    ]);
    expect(kept).toMatchObject({
      id: 't1/i1',
      target: 97,
      baseline: 80,
      definedOn: '2021-01-01',
      selfReported: { value: 90, asOf: '2021-03-31', reportedOn: '2021-04-01' },
      measured: { value: 88, asOf: '2021-03-31', reportedOn: '2021-04-03' },
      reportCount: 3,
    });
  });
});

describe('the board document of an official', () => {
  it('keeps every post term, vacated or not', () => {
    const kept = fold(boardOfficialProjection, [
      ['2021-01-01', official('wang', '王副主任')],
      ['2021-01-01', postAssigned('wang', 'edu', 'responsible_leader', '2021-01-01')],
      ['2021-05-01', postVacated('wang', 'edu', 'responsible_leader', '2021-06-01')],
    ]);
    expect(kept).toEqual({
      id: 'wang',
      position: 3,
      name: '王副主任',
      title: 'Deputy director',
      terms: [
        {
          officialId: 'wang',
          unitId: 'edu',
          post: 'responsible_leader',
          from: '2021-01-01',
          vacatedOn: '2021-06-01',
        },
      ],
    });
  });
});
