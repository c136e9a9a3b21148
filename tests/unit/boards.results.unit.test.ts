import { attainment } from '../../domain/judgement/attainment.ts';
import type { BoardInput } from '../../services/boards/build/input.ts';
import { buildResultsBoard } from '../../services/boards/build/results-board.ts';
import { all, assigned, boardLog, indicator, registered, unit, valued } from './support/boards.ts';

describe('attainment of an indicator to be at least its target (gte)', () => {
  it('is 100 and attained at the target', () => {
    expect(attainment(89, 89, 'gte', null)).toEqual({ percent: 100, attained: true });
  });

  it('is the share of the target without a baseline', () => {
    expect(attainment(45, 90, 'gte', null)).toEqual({ percent: 50, attained: false });
  });

  it('is the share of the way from the baseline with one', () => {
    // Garbage sorting from 80% to 97%: at 88.5, half way.
    expect(attainment(88.5, 97, 'gte', 80)).toEqual({ percent: 50, attained: false });
  });

  it('is 0 below the baseline', () => {
    expect(attainment(70, 97, 'gte', 80).percent).toBe(0);
  });

  it('never shows 100 short of the target', () => {
    expect(attainment(96.9999, 97, 'gte', null)).toEqual({ percent: 99.99, attained: false });
  });
});

describe('attainment of an indicator to be at most its target (lte)', () => {
  it('is attained at or below the target', () => {
    expect(attainment(35, 35, 'lte', null).attained).toBe(true);
    expect(attainment(20, 35, 'lte', null)).toEqual({ percent: 100, attained: true });
  });

  it('is target / value above it without a baseline', () => {
    expect(attainment(50, 35, 'lte', null)).toEqual({ percent: 70, attained: false });
  });

  it('is the share of the way down from the baseline with one', () => {
    // PM2.5 from 55 down to 35: at 45, half way.
    expect(attainment(45, 35, 'lte', 55)).toEqual({ percent: 50, attained: false });
  });

  it('is 0 above the baseline', () => {
    expect(attainment(60, 35, 'lte', 55).percent).toBe(0);
  });
});

describe('attainment of an indicator to equal its target (eq)', () => {
  it('is attained only at the target', () => {
    expect(attainment(100, 100, 'eq', null)).toEqual({ percent: 100, attained: true });
    expect(attainment(101, 100, 'eq', null).attained).toBe(false);
  });

  it('falls with the distance from the target, on either side', () => {
    expect(attainment(90, 100, 'eq', null)).toEqual({ percent: 90, attained: false });
    expect(attainment(110, 100, 'eq', null)).toEqual({ percent: 90, attained: false });
  });

  it('measures the distance against the baseline with one', () => {
    expect(attainment(90, 100, 'eq', 80)).toEqual({ percent: 50, attained: false });
  });
});

describe('attainment of a target given as 约 (about), with a tolerance', () => {
  // 公共卫生服务中心约2.2万平方米: the figure is rounded to 0.1万, so within 500 of it.
  it('meets a ≥ target within the tolerance below it', () => {
    expect(attainment(21_600, 22_000, 'gte', 0, 500)).toEqual({ percent: 100, attained: true });
    expect(attainment(21_500, 22_000, 'gte', 0, 500).attained).toBe(true);
  });

  it('falls short beyond the tolerance, measured against the target itself', () => {
    expect(attainment(21_450, 22_000, 'gte', 0, 500)).toEqual({
      percent: 97.5,
      attained: false,
    });
  });

  it('meets a ≤ target within the tolerance above it, an = target within it on either side', () => {
    expect(attainment(36, 35, 'lte', null, 1).attained).toBe(true);
    expect(attainment(36.5, 35, 'lte', null, 1).attained).toBe(false);
    expect(attainment(99, 100, 'eq', null, 1).attained).toBe(true);
    expect(attainment(101, 100, 'eq', null, 1).attained).toBe(true);
    expect(attainment(98.5, 100, 'eq', null, 1).attained).toBe(false);
  });

  it('is exact without a tolerance', () => {
    expect(attainment(21_999, 22_000, 'gte', 0).attained).toBe(false);
  });
});

describe('an indicator with a tolerance on the results board', () => {
  const log = boardLog()
    .on('2021-01-01', unit('env'), registered('t1', { section: 'Environment' }))
    .on(
      '2021-01-01',
      assigned('t1', 'env'),
      indicator('t1', 'i1', 22_000, 'gte', { baseline: 0, tolerance: 500 }),
    )
    .on('2021-07-01', valued('t1', 'i1', 21_700, '2021-06-30', 'measured'));

  it('is attained, and green, within the tolerance of its target', () => {
    const [row] = buildResultsBoard(log.input('2021-07-01'), all).nodes;
    expect(row).toMatchObject({ tolerance: 500, attainment: 100, attained: true, light: 'green' });
  });
});

const withIndicator = (...values: ReturnType<typeof valued>[]) =>
  boardLog()
    .on('2021-01-01', unit('env'), registered('t1', { section: 'Environment' }))
    .on('2021-01-01', assigned('t1', 'env'), indicator('t1', 'i1', 97, 'gte', { baseline: 80 }))
    .on('2021-07-01', ...values);

const rowOn = (log: ReturnType<typeof boardLog>, day: string) => {
  const [row] = buildResultsBoard(log.input(day), all).nodes;
  if (!row) throw new Error('expected a row');
  return row;
};

describe('an indicator reported by the unit and measured by the office', () => {
  const log = withIndicator(
    valued('t1', 'i1', 96, '2021-06-30', 'self_reported'),
    valued('t1', 'i1', 88.5, '2021-06-30', 'measured'),
  );

  it('shows both values side by side, and their difference', () => {
    expect(rowOn(log, '2021-07-01')).toMatchObject({
      selfReported: { value: 96, asOf: '2021-06-30', reportedOn: '2021-07-01' },
      measured: { value: 88.5, asOf: '2021-06-30' },
      discrepancy: -7.5,
    });
  });

  it('holds the measured value against the target', () => {
    expect(rowOn(log, '2021-07-01')).toMatchObject({
      value: 88.5,
      source: 'measured',
      attainment: 50,
      attained: false,
    });
  });

  it('answers only finite figures for values stored before the bound', () => {
    const huge = withIndicator(
      valued('t1', 'i1', 1.7e308, '2021-06-30', 'self_reported'),
      valued('t1', 'i1', -1.7e308, '2021-06-30', 'measured'),
    );
    const row = rowOn(huge, '2021-07-01');
    expect(row.discrepancy).toBeNull();
    for (const figure of [row.value, row.attainment, row.expected]) {
      expect(figure === null || Number.isFinite(figure)).toBe(true);
    }
  });

  it('is judged by the self-reported value before any measurement', () => {
    const selfOnly = withIndicator(valued('t1', 'i1', 96, '2021-06-30'));
    expect(rowOn(selfOnly, '2021-07-01')).toMatchObject({
      source: 'self_reported',
      attainment: 94.12,
      measured: null,
      discrepancy: null,
    });
  });

  it('keeps the latest value by the day it speaks of', () => {
    const late = withIndicator(
      valued('t1', 'i1', 90, '2021-06-30', 'measured'),
      valued('t1', 'i1', 85, '2021-05-31', 'measured'),
    );
    expect(rowOn(late, '2021-07-01').measured?.value).toBe(90);
  });
});

describe('the light of an indicator', () => {
  it('compares attainment with the elapsed share of the time to its due date', () => {
    // 2021-07-01: 182 of 365 days, expected 49.86; attainment 50: on track.
    const row = rowOn(
      withIndicator(valued('t1', 'i1', 88.5, '2021-06-30', 'measured')),
      '2021-07-01',
    );
    expect(row).toMatchObject({ expected: 49.86, light: 'green' });
  });

  it('goes yellow, then red, as the time passes without any value', () => {
    const none = withIndicator();
    expect(rowOn(none, '2021-01-20')).toMatchObject({ attainment: null, light: 'green' });
    expect(rowOn(none, '2021-02-10')).toMatchObject({ expected: 11.23, light: 'yellow' });
    expect(rowOn(none, '2021-05-15')).toMatchObject({ expected: 36.99, light: 'red' });
  });

  it('is green once attained', () => {
    const met = withIndicator(valued('t1', 'i1', 97.5, '2021-06-30', 'measured'));
    expect(rowOn(met, '2021-12-31')).toMatchObject({ attained: true, light: 'green' });
  });

  it('is red after its due date unmet', () => {
    const log = withIndicator(valued('t1', 'i1', 96, '2021-06-30', 'measured'));
    expect(rowOn(log, '2022-01-01').reasons).toContain('overdue since 2022-01-01');
  });
});

describe('the results board filtered and sorted', () => {
  const input = boardLog()
    .on('2021-01-01', unit('env'), unit('edu'), registered('t1', { section: 'Environment' }))
    .on('2021-01-01', assigned('t1', 'env'), registered('t2'), assigned('t2', 'edu'))
    .on('2021-01-01', indicator('t1', 'water', 89, 'gte'), indicator('t1', 'pm', 35, 'lte'))
    .on('2021-01-01', indicator('t2', 'schools', 3, 'eq'))
    .on('2021-07-01', valued('t1', 'water', 90, '2021-06-30'), valued('t1', 'pm', 90, '2021-06-30'))
    .on('2021-07-01', valued('t2', 'schools', 2, '2021-06-30'))
    .input('2021-07-01');

  it('sorts the lowest attainment first by default', () => {
    const board = buildResultsBoard(input, all);
    expect(board.nodes.map((row) => [row.indicatorId, row.attainment])).toEqual([
      ['pm', 38.89],
      ['schools', 66.67],
      ['water', 100],
    ]);
  });

  it('filters by unit, section, attained and light', () => {
    expect(buildResultsBoard(input, { ...all, unitId: 'edu' }).totalCount).toBe(1);
    expect(buildResultsBoard(input, { ...all, section: 'Environment' }).totalCount).toBe(2);
    expect(buildResultsBoard(input, { ...all, attained: true }).nodes[0]?.indicatorId).toBe(
      'water',
    );
    const green = buildResultsBoard(input, { ...all, light: 'green' });
    expect(green.nodes.map((row) => row.indicatorId)).toEqual(['schools', 'water']);
    expect(green.counts).toEqual({ green: 2, yellow: 1, red: 0 });
  });
});

describe('the results board after a write', () => {
  it('orders the rows as a board built afresh does, the rows of the task changed placed again', () => {
    // Boards held in memory keep the documents a write did not touch: the same objects.
    // Enough tasks that one changed is patched in, not sorted again.
    const tasks = Array.from({ length: 16 }, (_, i) => `t${i + 1}`);
    const log = boardLog().on('2021-01-01', unit('env'));
    for (const [i, taskId] of tasks.entries()) {
      log.on(
        '2021-01-01',
        registered(taskId),
        assigned(taskId, 'env'),
        indicator(taskId, 'a', 100, 'gte'),
        indicator(taskId, 'b', 50, 'lte'),
      );
      log.on('2021-07-01', valued(taskId, 'a', 40 + i * 3, '2021-06-30'));
    }
    const input = log.input('2021-07-01');
    const byTask = (indicators: BoardInput['docs']['indicators']) =>
      new Map(tasks.map((taskId) => [taskId, indicators.filter((one) => one.taskId === taskId)]));
    const grouped = byTask(input.docs.indicators);
    const withIndicators = (
      indicators: ReadonlyMap<string, BoardInput['docs']['indicators']>,
      docs: Partial<BoardInput['docs']> = {},
    ): BoardInput => ({
      ...input,
      docs: {
        ...input.docs,
        ...docs,
        byTask: { milestones: new Map(), blockages: new Map(), indicators },
      },
    });
    const board = (on: BoardInput) => buildResultsBoard(on, all);
    const before = board(withIndicators(grouped));
    // t3's indicator a reaches its target: from the lowest attainments to the top.
    const changed = new Map(grouped);
    changed.set(
      't3',
      (grouped.get('t3') ?? []).map((one) =>
        one.indicatorId === 'a' && one.selfReported
          ? { ...one, selfReported: { ...one.selfReported, value: 120 } }
          : one,
      ),
    );
    const tasksAfter = input.docs.tasks.map((task) => (task.id === 't3' ? { ...task } : task));
    const after = board(withIndicators(changed, { tasks: tasksAfter }));
    // The same documents as new objects: every row built and sorted afresh.
    const fresh = board(structuredClone(withIndicators(changed, { tasks: tasksAfter })));
    expect(after.nodes.map((row) => row.id)).not.toEqual(before.nodes.map((row) => row.id));
    expect(after.nodes.map((row) => [row.id, row.attainment])).toEqual(
      fresh.nodes.map((row) => [row.id, row.attainment]),
    );
    expect(after.counts).toEqual(fresh.counts);
    expect(after.nodes.find((row) => row.id === 't3/a')?.attainment).toBe(100);
  });
});
