import type { TaskEvent } from '../../contracts/events/index.ts';
import { plannedTask, taskId } from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const urged = (urgeId: string, unitId: string, replyBy: string | null): TaskEvent => ({
  type: 'TaskUrged',
  data: { taskId, urgeId, unitId, message: `Urge ${urgeId}`, replyBy, urgedOn: '2021-03-04' },
});

describe('urges (催办) on the task page', () => {
  it('are none before the office urges', () => {
    expect(page(plannedTask).urges).toEqual([]);
  });

  it('are listed oldest first with the unit, message, reply day, day sent and sender', () => {
    const doc = page(
      [
        ...plannedTask,
        urged('u1', 'education-bureau', '2021-03-10'),
        urged('u2', 'finance-bureau', null),
      ],
      { 3: 'office-1', 4: 'office-2' },
    );
    expect(doc.urges).toEqual([
      {
        urgeId: 'u1',
        unitId: 'education-bureau',
        message: 'Urge u1',
        replyBy: '2021-03-10',
        urgedOn: '2021-03-04',
        by: 'office-1',
        cause: null,
        answer: null,
        answeredOn: null,
        overdueOn: null,
        escalatedTo: null,
      },
      {
        urgeId: 'u2',
        unitId: 'finance-bureau',
        message: 'Urge u2',
        replyBy: null,
        urgedOn: '2021-03-04',
        by: 'office-2',
        cause: null,
        answer: null,
        answeredOn: null,
        overdueOn: null,
        escalatedTo: null,
      },
    ]);
  });

  it('move the page to the event that recorded them', () => {
    const doc = page([...plannedTask, urged('u1', 'education-bureau', null)]);
    expect(doc).toMatchObject({ position: 4, revision: 3 });
  });
});
