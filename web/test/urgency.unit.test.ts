import { byUrgency, type urgencyOf } from '../src/domain/urgency.ts';

const task = (title: string, overrides: Partial<Parameters<typeof urgencyOf>[0]> = {}) => ({
  taskId: title,
  title,
  light: 'GREEN' as const,
  stages: ['UPCOMING'],
  nextDue: '2021-12-31',
  ...overrides,
});

describe("a department head's tasks", () => {
  it('come overdue first, then due soon, then red, then yellow, then the rest', () => {
    const sorted = byUrgency([
      task('green'),
      task('yellow', { light: 'YELLOW' }),
      task('red', { light: 'RED' }),
      task('due soon', { stages: ['DUE_SOON'], light: 'YELLOW' }),
      task('overdue', { stages: ['DONE_ON_TIME', 'OVERDUE'], light: 'RED' }),
    ]);
    expect(sorted.map((row) => row.title)).toEqual([
      'overdue',
      'due soon',
      'red',
      'yellow',
      'green',
    ]);
  });

  it('of equal urgency come by the nearest due date', () => {
    const sorted = byUrgency([
      task('later', { nextDue: '2021-11-30' }),
      task('sooner', { nextDue: '2021-10-31' }),
    ]);
    expect(sorted.map((row) => row.title)).toEqual(['sooner', 'later']);
  });
});
