import type { DomainEvent, TaskEvent } from '../../contracts/events/index.ts';
import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import { accountable, all, assigned, boardLog, registered, urged } from './support/boards.ts';

/** A 催办 `urgeId` to `unitId` not answered by its limit, as the clock records it on `recordedOn`. */
const replyOverdue = (
  taskId: string,
  urgeId: string,
  unitId: string,
  recordedOn: string,
): TaskEvent => ({
  type: 'UrgeReplyOverdue',
  data: { taskId, urgeId, unitId, replyBy: recordedOn, limitDate: recordedOn, recordedOn },
});

/** A unit registered under `parentUnitId` (its path given), or at the top. */
const unitUnder = (unitId: string, parent?: string): DomainEvent => ({
  type: 'UnitRegistered',
  data: {
    unitId,
    name: `Unit ${unitId}`,
    ...(parent ? { parentUnitId: parent, ancestorUnitIds: [parent] } : {}),
  },
});

const rowsOn = (log: ReturnType<typeof boardLog>, day: string) =>
  buildResponsibilityBoard(log.input(day), all).nodes;

describe("the period's items of a unit's score", () => {
  const log = boardLog()
    .on('2020-12-01', unitUnder('street'), unitUnder('c1', 'street'), unitUnder('c2', 'street'))
    .on(
      '2020-12-01',
      registered('t1'),
      assigned('t1', 'c1'),
      registered('t2'),
      assigned('t2', 'c2'),
    )
    .on('2020-12-01', urged('t1', 'u0', 'c1', '2020-12-01'))
    // Last year's lapse: not this year's score.
    .on('2020-12-20', replyOverdue('t1', 'u0', 'c1', '2020-12-20'))
    .on('2021-03-01', urged('t1', 'u1', 'c1', '2021-03-01'))
    .on('2021-03-10', replyOverdue('t1', 'u1', 'c1', '2021-03-10'))
    .on('2021-04-01', accountable('t2', 'r1', { kind: 'unit', id: 'c2' }, 3));

  // A task with no milestone is red and behind: that item is each task's, the same for both.
  const besides = (deductions: readonly { rule: string; ref: string }[]) =>
    deductions.filter(({ rule }) => rule !== 'red_behind').map(({ rule, ref }) => ({ rule, ref }));

  it('count the lapses recorded in the period, not those of the year before', () => {
    const c1 = rowsOn(log, '2021-06-30').find((row) => row.unitId === 'c1');
    expect(besides(c1?.deductions ?? [])).toEqual([{ rule: 'reply_overdue', ref: 't1/u1' }]);
    const lastYear = rowsOn(log, '2020-12-31').find((row) => row.unitId === 'c1');
    expect(besides(lastYear?.deductions ?? [])).toEqual([{ rule: 'reply_overdue', ref: 't1/u0' }]);
  });

  it("add up what each sub-unit lost on its parent's row", () => {
    const lostBelow = (day: string) => {
      const rows = rowsOn(log, day);
      const row = (unitId: string) => rows.find((one) => one.unitId === unitId);
      const lost = (unitId: string) => (row(unitId)?.score ?? 0) - 100;
      return {
        counts: [row('c1')?.deductionCount, row('c2')?.deductionCount],
        lost: [lost('c1'), lost('c2')],
        street: row('street'),
      };
    };
    const june = lostBelow('2021-06-30');
    // As many items each, of different points: a sum per unit, not per number of items.
    expect(june.counts).toEqual([2, 2]);
    expect(june.lost[0]).not.toBe(june.lost[1]);
    expect(june.street).toMatchObject({
      subUnits: 2,
      subUnitDeductions: Math.round(((june.lost[0] ?? 0) + (june.lost[1] ?? 0)) * 100) / 100,
    });
    // Before the accountability record and the tasks' going red: c1's lapse alone.
    const march = lostBelow('2021-03-31');
    expect(march.counts).toEqual([1, 0]);
    expect(march.street).toMatchObject({
      subUnits: 2,
      subUnitDeductions: Math.round(((march.lost[0] ?? 0) + (march.lost[1] ?? 0)) * 100) / 100,
    });
  });
});
