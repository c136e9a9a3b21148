import type { TaskEvent } from '../../contracts/events/index.ts';
import type { BoardTask } from '../../projections/boards/task-progress/document.ts';
import { boardTaskProjection } from '../../projections/boards/task-progress/projection.ts';
import { project, recordedAt } from './support/project.ts';
import { plannedTask, taskId } from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const awarded = (bonusId: string, unitId: string, points: number): TaskEvent => ({
  type: 'BonusAwarded',
  data: {
    taskId,
    bonusId,
    unitId,
    kind: 'commendation',
    points,
    reason: `Commended ${bonusId}`,
    awardedBy: 'leader-1',
    awardedOn: '2021-03-04',
  },
});

const boardTask = (events: readonly TaskEvent[]): BoardTask => {
  const doc = project(boardTaskProjection, events);
  if (!doc) throw new Error('expected a board document');
  return doc;
};

describe('bonus points (加分) on the task page', () => {
  it('are none before a leader awards any', () => {
    expect(page(plannedTask).bonuses).toEqual([]);
  });

  it('are listed oldest first with the unit, kind, points, reason, day and leader', () => {
    const doc = page([
      ...plannedTask,
      awarded('b1', 'education-bureau', 2),
      awarded('b2', 'finance-bureau', 1.5),
    ]);
    expect(doc.bonuses).toEqual([
      {
        id: 'b1',
        unitId: 'education-bureau',
        kind: 'commendation',
        points: 2,
        reason: 'Commended b1',
        awardedOn: '2021-03-04',
        awardedAt: recordedAt(3),
        awardedBy: 'leader-1',
      },
      expect.objectContaining({ id: 'b2', unitId: 'finance-bureau', points: 1.5 }),
    ]);
    expect(doc).toMatchObject({ position: 5, revision: 4 });
  });
});

describe('bonus points (加分) on the boards’ task document', () => {
  it('are kept with the unit, day, points and the position that orders them', () => {
    expect(boardTask([...plannedTask, awarded('b1', 'education-bureau', 2)]).bonuses).toEqual([
      {
        bonusId: 'b1',
        position: 4,
        day: '2021-03-04',
        unitId: 'education-bureau',
        kind: 'commendation',
        points: 2,
        reason: 'Commended b1',
      },
    ]);
  });

  it('are kept by day as a list only ever appended to', () => {
    expect(boardTaskProjection.temporal).toEqual({
      appendOnly: expect.arrayContaining(['bonuses']),
    });
  });
});
