import { extensionStage } from '../../projections/task-detail/extensions.ts';
import { taskPage as viewOf } from '../../services/views/task-page.ts';
import { recordedAt } from './support/project.ts';
import {
  extensionApproved,
  extensionRejected,
  extensionRequested,
  extensionReviewed,
  plannedTask,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

/** Events 3 and on: the request (by the lead unit's head), the review (office), the decision (leader). */
const actors = { 3: 'head-of-education-bureau', 4: 'office-1', 5: 'leader-1' };

describe('a milestone’s extension on the task page, stage by stage', () => {
  const requested = [...plannedTask, extensionRequested()];

  it('is at 申请 once asked: nobody has reviewed it', () => {
    expect(page(requested, actors).extensions[0]).toMatchObject({
      status: 'requested',
      reviewedAt: null,
      decidedAt: null,
    });
  });

  it('is forwarded at 初审, with who reviewed it, when and the comment; the date stays', () => {
    const doc = page([...requested, extensionReviewed()], actors);
    expect(doc.extensions[0]).toMatchObject({
      status: 'forwarded',
      reviewedAt: recordedAt(4),
      reviewedBy: 'office-1',
      reviewComment: 'Rain days on record: forwarded',
      decidedAt: null,
      newDueDate: null,
    });
    expect(doc.milestones[0]?.dueDate).toBe('2021-06-30');
  });

  it('is closed as declined when the office does not forward it, the date unchanged', () => {
    const doc = page([...requested, extensionReviewed('r1', false)], actors);
    expect(doc.extensions[0]).toMatchObject({
      status: 'declined',
      reviewComment: 'The survey was on time',
      decidedAt: null,
    });
    expect(doc.milestones[0]?.dueDate).toBe('2021-06-30');
  });

  it('shows the dates before and after once the leader approved it', () => {
    const doc = page([...requested, extensionReviewed(), extensionApproved()], actors);
    expect(doc.extensions[0]).toMatchObject({
      status: 'approved',
      currentDueDate: '2021-06-30',
      newDueDate: '2021-07-31',
      reviewedBy: 'office-1',
      decidedAt: recordedAt(5),
      decidedBy: 'leader-1',
    });
    expect(doc.milestones[0]).toMatchObject({
      dueDate: '2021-07-31',
      originalDueDate: '2021-06-30',
    });
    expect(doc.dueDate).toBe('2021-12-31');
  });
});

describe('an extension of the task’s own due date on the task page', () => {
  const asked = [...plannedTask, extensionRequested('t1', '2022-01-31', null, '2021-12-31')];

  it('is listed for no milestone', () => {
    expect(page(asked).extensions[0]).toMatchObject({
      milestoneId: null,
      currentDueDate: '2021-12-31',
      requestedDueDate: '2022-01-31',
      status: 'requested',
    });
  });

  it('once approved moves the task’s due date, not a milestone’s', () => {
    const doc = page([
      ...asked,
      extensionReviewed('t1', true, null),
      extensionApproved('t1', '2022-01-31', null),
    ]);
    expect(doc.dueDate).toBe('2022-01-31');
    expect(doc.milestones[0]?.dueDate).toBe('2021-06-30');
    expect(doc.extensions[0]).toMatchObject({ status: 'approved', newDueDate: '2022-01-31' });
  });

  it('once rejected leaves the task’s due date', () => {
    const doc = page([
      ...asked,
      extensionReviewed('t1', true, null),
      extensionRejected('t1', null),
    ]);
    expect(doc.dueDate).toBe('2021-12-31');
    expect(doc.extensions[0]?.status).toBe('rejected');
  });
});

describe('the stage of a request', () => {
  it.each([
    ['requested', 'requested'],
    ['forwarded', 'reviewed'],
    ['declined', 'reviewed'],
    ['approved', 'decided'],
    ['rejected', 'decided'],
  ] as const)('of a %s request is %s', (status, stage) => {
    expect(extensionStage(status)).toBe(stage);
  });
});

describe('the task page as the API shows it', () => {
  const names = async () => new Map<string, { name: string }>();

  it('gives each request its stage, and a milestone only its own requests', async () => {
    const doc = page([
      ...plannedTask,
      extensionRequested(),
      extensionReviewed(),
      extensionRequested('t1', '2022-01-31', null, '2021-12-31'),
    ]);
    const view = await viewOf(doc, names);
    expect(view.extensions.map((e) => [e.id, e.stage])).toEqual([
      ['r1', 'reviewed'],
      ['t1', 'requested'],
    ]);
    expect(view.milestones[0]?.extensions.map((e) => e.id)).toEqual(['r1']);
  });

  it('reads a request of a page projected before reviews as not reviewed', async () => {
    const doc = page([...plannedTask, extensionRequested()]);
    const { reviewedAt: _a, reviewedBy: _b, reviewComment: _c, ...older } = doc.extensions[0]!;
    const view = await viewOf({ ...doc, extensions: [older] }, names);
    expect(view.extensions[0]).toMatchObject({
      reviewedAt: null,
      reviewedBy: null,
      reviewComment: null,
      stage: 'requested',
    });
  });
});
