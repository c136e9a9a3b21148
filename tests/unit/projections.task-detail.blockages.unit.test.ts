import type { TaskEvent } from '../../contracts/events/index.ts';
import { recordedAt } from './support/project.ts';
import {
  blockageEscalated,
  blockageReported,
  blockageResolved,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const coordinationAssigned: TaskEvent = {
  type: 'BlockageCoordinationAssigned',
  data: { taskId, blockageId: 'b1', coordinatorUnitId: 'planning-bureau', note: 'Meet Friday' },
};

const reopened: TaskEvent = {
  type: 'BlockageReopened',
  data: { taskId, blockageId: 'b1', reason: 'Survey rejected by the province' },
};

const blocked = [...plannedTask, blockageReported('b1')];

describe('an escalated blockage (堵点)', () => {
  it('shows its level and each escalation, by the clock or by a leader', () => {
    const leaderEscalated: TaskEvent = {
      type: 'BlockageEscalated',
      data: { taskId, blockageId: 'b1', level: 2, by: 'leader' },
    };
    const doc = page([...blocked, blockageEscalated(1), leaderEscalated], {
      4: 'clock',
      5: 'leader-1',
    });
    expect(doc.blockages[0]?.escalationLevel).toBe(2);
    expect(doc.blockages[0]?.escalations).toEqual([
      { level: 1, escalatedByRole: 'system', escalatedAt: recordedAt(4), escalatedBy: 'clock' },
      { level: 2, escalatedByRole: 'leader', escalatedAt: recordedAt(5), escalatedBy: 'leader-1' },
    ]);
  });
});

describe('a blockage given a coordinator', () => {
  it('names the coordinating unit, the note and when', () => {
    const doc = page([...blocked, coordinationAssigned]);
    expect(doc.blockages[0]).toMatchObject({
      coordinatorUnitId: 'planning-bureau',
      coordinationNote: 'Meet Friday',
      coordinationAssignedAt: recordedAt(4),
      waitingOnUnitId: 'land-bureau',
    });
  });
});

describe('a reopened blockage', () => {
  const resolvedThenReopened = [...blocked, blockageResolved('b1'), reopened];

  it('is open and counted again, its resolution moved to the reopening', () => {
    const doc = page(resolvedThenReopened, { 5: 'office-2' });
    expect(doc.openBlockages).toBe(1);
    expect(doc.blockages[0]).toMatchObject({
      status: 'open',
      resolvedAt: null,
      resolution: null,
      reopenings: [
        {
          reason: 'Survey rejected by the province',
          previousResolution: 'Survey delivered',
          reopenedAt: recordedAt(5),
          reopenedBy: 'office-2',
        },
      ],
    });
  });

  it('keeps the escalation level it had', () => {
    const escalated = [...blocked, blockageEscalated(1), blockageResolved('b1'), reopened];
    expect(page(escalated).blockages[0]?.escalationLevel).toBe(1);
  });

  it('can be resolved again', () => {
    const doc = page([...resolvedThenReopened, blockageResolved('b1')]);
    expect(doc.openBlockages).toBe(0);
    expect(doc.blockages[0]).toMatchObject({ status: 'resolved', resolvedAt: recordedAt(6) });
  });
});
