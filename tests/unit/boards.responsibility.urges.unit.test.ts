import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import { all, boardLog, task, unit, urged } from './support/boards.ts';

const units = ['edu', 'env', 'fin'].map((id) => unit(id));

const timesUrged = (log: ReturnType<typeof boardLog>, day: string): Record<string, number> =>
  Object.fromEntries(
    buildResponsibilityBoard(log.input(day), all).nodes.map((row) => [row.unitId, row.timesUrged]),
  );

describe('the times a unit was urged (催办) on the responsibility board', () => {
  const log = boardLog()
    .on(
      '2021-01-01',
      ...units,
      ...task('t1', 'edu', { cooperating: ['env'] }),
      ...task('t2', 'edu'),
    )
    .on(
      '2021-03-01',
      urged('t1', 'u1', 'edu', '2021-03-01'),
      urged('t2', 'u2', 'edu', '2021-03-01'),
    )
    .on('2021-03-02', urged('t1', 'u3', 'env', '2021-03-02'));

  it('is none for every unit before any urge', () => {
    expect(timesUrged(log, '2021-02-28')).toEqual({ edu: 0, env: 0, fin: 0 });
  });

  it('counts each urge against the unit urged, over all its tasks', () => {
    expect(timesUrged(log, '2021-03-02')).toEqual({ edu: 2, env: 1, fin: 0 });
  });

  it('counts, for a past day, only the urges sent by its end', () => {
    expect(timesUrged(log, '2021-03-01')).toEqual({ edu: 2, env: 0, fin: 0 });
  });

  it('starts again with the year (督查考核, year by year)', () => {
    const nextYear = boardLog()
      .on('2021-01-01', ...units, ...task('t1', 'edu', { dueDate: '2022-12-31' }))
      .on('2021-12-30', urged('t1', 'u1', 'edu', '2021-12-30'))
      .on('2022-01-04', urged('t1', 'u2', 'edu', '2022-01-04'));
    expect(timesUrged(nextYear, '2021-12-31').edu).toBe(1);
    expect(timesUrged(nextYear, '2022-01-05').edu).toBe(1);
  });

  it('leaves out the urges of a terminated task, no longer supervised', () => {
    const terminated = boardLog()
      .on('2021-01-01', ...units, ...task('t1', 'edu'))
      .on('2021-03-01', urged('t1', 'u1', 'edu', '2021-03-01'))
      .on('2021-03-02', { type: 'TaskTerminated', data: { taskId: 't1', reason: '撤销' } });
    expect(timesUrged(terminated, '2021-03-03').edu).toBe(0);
  });
});
