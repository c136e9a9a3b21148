import type { TaskEvent } from '../../contracts/events/index.ts';
import { recordedAt } from './support/project.ts';
import { plannedTask, taskId } from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const changed = (day: string, from: 'green' | 'red', to: 'green' | 'red'): TaskEvent => ({
  type: 'TaskLightChanged',
  data: {
    taskId,
    day,
    from,
    to,
    reasons: to === 'red' ? ['behind 33.15 points'] : [],
    actual: to === 'red' ? 0 : 60,
    expected: 33.15,
    rulesetVersion: 1,
  },
});

describe('the light history on the task page', () => {
  it('is absent before the clock recorded any light', () => {
    expect(page(plannedTask).lightChanges).toBeUndefined();
  });

  it('lists each change the clock recorded, oldest first, with its day, reasons and ruleset', () => {
    const events = [
      ...plannedTask,
      changed('2021-03-01', 'green', 'red'),
      changed('2021-03-08', 'red', 'green'),
    ];
    expect(page(events).lightChanges).toEqual([
      {
        day: '2021-03-01',
        from: 'green',
        to: 'red',
        reasons: ['behind 33.15 points'],
        actual: 0,
        expected: 33.15,
        rulesetVersion: 1,
        recordedAt: recordedAt(3),
      },
      {
        day: '2021-03-08',
        from: 'red',
        to: 'green',
        reasons: [],
        actual: 60,
        expected: 33.15,
        rulesetVersion: 1,
        recordedAt: recordedAt(4),
      },
    ]);
  });
});
