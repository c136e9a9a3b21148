import { type ExtensionTask, extensionTargets } from '../src/domain/extension-targets.ts';

/** Task due 12-31; m1 due Sunday 10-03, in the National Day holiday (limit 10-08); m2 due 11-30. */
const task = (today: string, overrides: Partial<ExtensionTask> = {}): ExtensionTask => ({
  dueDate: '2021-12-31',
  taskLimit: '2021-12-31',
  today,
  milestones: [
    {
      id: 'm1',
      title: '验收',
      status: 'OPEN',
      dueDate: '2021-10-03',
      limitDate: '2021-10-08',
      overdue: false,
    },
    {
      id: 'm2',
      title: '投用',
      status: 'OPEN',
      dueDate: '2021-11-30',
      limitDate: '2021-11-30',
      overdue: false,
    },
  ],
  ...overrides,
});

const ids = (offered: ReturnType<typeof extensionTargets>) =>
  offered.map((target) => target.milestoneId);

describe('the extension form of the lead unit', () => {
  it('offers the task itself and every open milestone before their limits', () => {
    expect(extensionTargets(task('2021-09-30'))).toEqual([
      { milestoneId: null, title: null, dueDate: '2021-12-31' },
      { milestoneId: 'm1', title: '验收', dueDate: '2021-10-03' },
      { milestoneId: 'm2', title: '投用', dueDate: '2021-11-30' },
    ]);
  });

  it('offers a milestone due on a day off up to its limit, the next working day', () => {
    expect(ids(extensionTargets(task('2021-10-08')))).toEqual([null, 'm1', 'm2']);
    expect(ids(extensionTargets(task('2021-10-09')))).toEqual([null, 'm2']);
  });

  it('offers neither a completed nor an overdue milestone', () => {
    const [m1, m2] = task('2021-09-30').milestones;
    const done = task('2021-09-30', {
      milestones: [
        { ...m1!, status: 'COMPLETED' },
        { ...m2!, overdue: true },
      ],
    });
    expect(ids(extensionTargets(done))).toEqual([null]);
  });

  it('offers the task itself no more once its limit has passed', () => {
    expect(ids(extensionTargets(task('2022-01-01')))).toEqual([]);
  });
});
