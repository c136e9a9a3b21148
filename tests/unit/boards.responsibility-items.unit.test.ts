import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import {
  buildOfficialRecords,
  buildOfficialTasks,
  buildUnitDeductions,
  buildUnitFailedTasks,
} from '../../services/boards/build/responsibility-items.ts';
import { itemPage, itemsOnRow } from '../../services/boards/build/row-items.ts';
import {
  accountable,
  all,
  assigned,
  boardLog,
  official,
  planned,
  postAssigned,
  registered,
  unit,
} from './support/boards.ts';

const taskCount = 45;
const taskIds = Array.from({ length: taskCount }, (_, i) => `t${String(i).padStart(2, '0')}`);

/**
 * 45 tasks led by edu with env co-owning, each with a milestone of each due in
 * March, all missed by April; wang answers for them all.
 */
const log = taskIds
  .reduce(
    (built, taskId) =>
      built.on(
        '2021-01-01',
        registered(taskId),
        assigned(taskId, 'edu', ['env']),
        planned(taskId, 'm1', '2021-03-31'),
        {
          type: 'MilestonePlanned',
          data: {
            taskId,
            milestoneId: 'm2',
            title: 'm2',
            dueDate: '2021-03-31',
            weight: 1,
            ownerUnitId: 'env',
          },
        },
      ),
    boardLog().on('2021-01-01', unit('edu'), unit('env'), unit('fin'), official('wang')),
  )
  .on('2021-01-01', postAssigned('wang', 'edu', 'responsible_leader', '2021-01-01'))
  .on(
    '2021-02-01',
    ...taskIds.map((taskId, i) =>
      accountable(taskId, `r${i}`, { kind: 'official', id: 'wang' }, 0),
    ),
  );
const input = log.input('2021-04-01');

/** Every page of a list, following its cursors. */
const walk = <T>(
  page: (after: string | null) => {
    nodes: T[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  },
) => {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const next = page(after);
    items.push(...next.nodes);
    if (!next.pageInfo.hasNextPage) return items;
    after = next.pageInfo.endCursor;
  }
};

describe('a responsibility board row of a unit with many deductions', () => {
  const edu = buildResponsibilityBoard(input, { ...all, unitId: 'edu' }).nodes[0];

  it('carries the first items and counts them all', () => {
    expect(edu?.deductions).toHaveLength(itemsOnRow);
    expect(edu?.failedTasks).toHaveLength(itemsOnRow);
    expect(edu).toMatchObject({ deductionCount: taskCount, failedTaskCount: taskCount });
    expect(edu?.score).toBe(100 - 5 * taskCount);
  });

  it('carries an official’s first tasks and records, counting them all', () => {
    const wang = buildResponsibilityBoard(input, all).officials.find(
      (o) => o.officialId === 'wang',
    );
    expect(wang?.taskIds).toEqual(taskIds.slice(0, itemsOnRow));
    expect(wang?.accountability).toHaveLength(itemsOnRow);
    expect(wang).toMatchObject({ taskCount, accountabilityCount: taskCount });
  });
});

describe('the itemised lists of a responsibility row, paged', () => {
  it('page every deduction of a unit once, in the row’s order', () => {
    const pages = walk((after) => buildUnitDeductions(input, { unitId: 'edu', first: 7, after }));
    expect(pages.map((item) => item.ref)).toEqual(taskIds.map((taskId) => `${taskId}/m1`));
    expect(new Set(pages.map((item) => item.rule))).toEqual(new Set(['deadline_missed']));
    const env = buildUnitDeductions(input, { unitId: 'env', first: 200 });
    expect(env).toMatchObject({ totalCount: taskCount, day: '2021-04-01', period: '2021' });
    expect(env.nodes.every((item) => item.points === -3)).toBe(true);
  });

  it('page a unit’s failed tasks, an official’s tasks and records', () => {
    const failed = walk((after) =>
      buildUnitFailedTasks(input, { unitId: 'env', first: 10, after }),
    );
    expect(failed.map((item) => [item.taskId, item.role])).toEqual(
      taskIds.map((taskId) => [taskId, 'cooperating']),
    );
    const tasks = walk((after) =>
      buildOfficialTasks(input, { officialId: 'wang', first: 9, after }),
    );
    expect(tasks).toEqual(taskIds);
    const records = walk((after) =>
      buildOfficialRecords(input, { officialId: 'wang', first: 11, after }),
    );
    expect(records.map((record) => record.recordId)).toEqual(taskIds.map((_, i) => `r${i}`));
  });

  it('answers an empty list for a unit without deductions', () => {
    const fin = buildUnitDeductions(input, { unitId: 'fin', first: 5 });
    expect(fin).toMatchObject({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false } });
  });

  it('refuses an unknown unit or official, naming the field', () => {
    expect(() => buildUnitDeductions(input, { unitId: 'nobody', first: 5 })).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        details: expect.objectContaining({ field: 'unitId' }),
      }),
    );
    expect(() => buildOfficialRecords(input, { officialId: 'nobody', first: 5 })).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        details: expect.objectContaining({ field: 'officialId' }),
      }),
    );
  });

  it('refuses a cursor of another unit’s list', () => {
    const edu = buildUnitDeductions(input, { unitId: 'edu', first: 5 });
    expect(() =>
      buildUnitDeductions(input, { unitId: 'env', first: 5, after: edu.pageInfo.endCursor }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { field: 'after', rule: 'must be a cursor of the same list and owner' },
      }),
    );
  });
});

describe('a page of an itemised list', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];
  const id = (item: string) => item;
  const firstPage = itemPage(items, { first: 3 }, 'letters:x', id);

  it('goes on after the item its cursor names, wherever it now stands', () => {
    const shorter = ['b', 'c', 'd', 'e', 'f'];
    const next = itemPage(
      shorter,
      { first: 3, after: firstPage.pageInfo.endCursor },
      'letters:x',
      id,
    );
    expect(next.nodes).toEqual(['d', 'e', 'f']);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('goes on after the place of an item that has gone', () => {
    const without = ['a', 'b', 'd', 'e', 'f'];
    const next = itemPage(
      without,
      { first: 3, after: firstPage.pageInfo.endCursor },
      'letters:x',
      id,
    );
    expect(next.nodes).toEqual(['e', 'f']);
  });

  it('refuses what is not a cursor', () => {
    expect(() => itemPage(items, { first: 3, after: 'bm90IGEgY3Vyc29y' }, 'letters:x', id)).toThrow(
      'after: must be a cursor returned by an earlier page',
    );
  });
});
