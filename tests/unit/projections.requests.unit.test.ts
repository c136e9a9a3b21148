import type { DomainEvent, TaskEvent } from '../../contracts/events/index.ts';
import { boardTaskProjection } from '../../projections/boards/index.ts';
import { taskDetailProjection } from '../../projections/task-detail/projection.ts';
import { taskListProjection } from '../../projections/task-list/projection.ts';
import { project, recordedAt } from './support/project.ts';
import { taskAssigned, taskId, taskRegistered, taskSigned } from './support/task-fixtures.ts';

const returnRequested: TaskEvent = {
  type: 'TaskReturnRequested',
  data: { taskId, unitId: 'education-bureau', reason: 'Not ours' },
};
const returnAccepted: TaskEvent = {
  type: 'TaskReturnAccepted',
  data: { taskId, unitId: 'education-bureau', toUnitId: 'land-bureau', reason: 'Land work' },
};
const returnRefused: TaskEvent = {
  type: 'TaskReturnRefused',
  data: { taskId, unitId: 'education-bureau', reason: 'It is yours' },
};
const proposed: TaskEvent = {
  type: 'TaskLifecycleChangeProposed',
  data: { taskId, change: 'suspend', reason: 'Funding frozen' },
};
const approved: TaskEvent = {
  type: 'TaskLifecycleChangeDecided',
  data: { taskId, change: 'suspend', approved: true, comment: null, decidedBy: 'leader-1' },
};
const suspended: TaskEvent = {
  type: 'TaskSuspended',
  data: { taskId, reason: 'Funding frozen', suspendedOn: '2021-03-01' },
};

const assigned = [taskRegistered, taskAssigned, taskSigned('finance-bureau')];

const row = (events: DomainEvent[]) => project(taskListProjection, events);
const page = (events: DomainEvent[]) => project(taskDetailProjection, events);

describe('a return asked for (退回申请), on the task list', () => {
  it('names the unit while the office has not ruled, and keeps its lead', () => {
    expect(row([...assigned, returnRequested])).toMatchObject({
      leadUnitId: 'education-bureau',
      returnRequestedBy: 'education-bureau',
      status: 'assigned',
    });
  });

  it('moves the lead when accepted, unsigned, and awaits nothing', () => {
    expect(row([...assigned, returnRequested, returnAccepted])).toMatchObject({
      leadUnitId: 'land-bureau',
      returnRequestedBy: null,
      status: 'assigned',
      signedUnitIds: ['finance-bureau'],
    });
  });

  it('awaits nothing once refused, the unit still leading', () => {
    expect(row([...assigned, returnRequested, returnRefused])).toMatchObject({
      leadUnitId: 'education-bureau',
      returnRequestedBy: null,
    });
  });
});

describe('a return asked for, on the task page', () => {
  it('shows the request and the ruling, and the accepted return as a handover', () => {
    const doc = page([...assigned, returnRequested, returnAccepted]);
    expect(doc?.returnRequests).toEqual([
      {
        unitId: 'education-bureau',
        reason: 'Not ours',
        requestedAt: recordedAt(3),
        requestedBy: 'office-1',
        ruling: 'accepted',
        toUnitId: 'land-bureau',
        rulingReason: 'Land work',
        ruledAt: recordedAt(4),
        ruledBy: 'office-1',
      },
    ]);
    expect(doc?.leadUnitId).toBe('land-bureau');
    expect(doc?.handovers.at(-1)).toMatchObject({
      kind: 'returned',
      fromUnitId: 'education-bureau',
      toUnitId: 'land-bureau',
      reason: 'Land work',
    });
  });

  it('shows a refusal, the lead unchanged and no handover', () => {
    const doc = page([...assigned, returnRequested, returnRefused]);
    expect(doc?.returnRequests?.[0]).toMatchObject({
      ruling: 'refused',
      rulingReason: 'It is yours',
    });
    expect(doc?.leadUnitId).toBe('education-bureau');
    expect(doc?.handovers.map((handover) => handover.kind)).toEqual(['assigned']);
  });
});

describe('an accepted return, on the boards', () => {
  it('is a move of the lead by the unit that returned it (what a ping-pong counts)', () => {
    const task = project(boardTaskProjection, [...assigned, returnRequested, returnAccepted]);
    expect(task).toMatchObject({
      leadUnitId: 'land-bureau',
      moves: [
        {
          kind: 'returned',
          fromUnitId: 'education-bureau',
          toUnitId: 'land-bureau',
          reason: 'Land work',
        },
      ],
    });
  });
});

describe('a proposal to suspend', () => {
  it('waits on the leader on the task list, then is gone with the suspension', () => {
    expect(row([...assigned, proposed])).toMatchObject({ proposal: 'suspend', suspended: false });
    expect(row([...assigned, proposed, approved, suspended])).toMatchObject({
      proposal: null,
      suspended: true,
      status: 'suspended',
    });
  });

  it('shows on the task page with the leader’s decision', () => {
    const doc = page([...assigned, proposed, approved, suspended]);
    expect(doc?.proposals).toEqual([
      {
        change: 'suspend',
        reason: 'Funding frozen',
        proposedAt: recordedAt(3),
        proposedBy: 'office-1',
        decision: 'approved',
        comment: null,
        decidedAt: recordedAt(4),
        decidedBy: 'leader-1',
      },
    ]);
    expect(doc?.suspensions).toHaveLength(1);
  });
});
