import type { Cockpit, OverdueMilestone, RedTask } from '../src/views/cockpit/data.ts';
import { kpisOf } from '../src/views/cockpit/kpis.ts';
import { blockedTasks, worstTasks } from '../src/views/cockpit/worst.ts';

const redTask = (taskId: string, behind: number): RedTask => ({
  taskId,
  title: taskId,
  section: null,
  leadUnitName: null,
  actual: 0,
  expected: behind,
  behind,
  dueDate: '2021-12-31',
});

const overdue = (taskId: string, daysOverdue: number): OverdueMilestone => ({
  taskId,
  responsibleLeader: null,
  title: `${taskId}-${daysOverdue}`,
  dueDate: '2021-06-30',
  daysOverdue,
  extensions: [],
});

const blockage = (taskId: string, blockageId: string, ageDays: number) => ({
  taskId,
  taskTitle: taskId,
  blockageId,
  description: blockageId,
  waitingOnUnitName: null,
  ageDays,
  level: 'NONE',
});

const cockpit = (parts: Partial<Cockpit>): Cockpit => ({
  overview: {
    day: '2021-07-31',
    rulesetVersion: 0,
    totals: { green: 0, yellow: 0, red: 0 },
    sections: [],
    series: [],
  },
  units: { totalCount: 0, nodes: [] },
  red: { totalCount: 0, nodes: [] },
  overdue: { totalCount: 0, counts: { doneOnTime: 0, doneLate: 0, overdue: 0 }, nodes: [] },
  blockages: { totalCount: 0, nodes: [] },
  ...parts,
});

const section = (name: string, accepted: number, total: number) => ({
  section: name,
  green: total,
  yellow: 0,
  red: 0,
  suspended: 0,
  accepted,
  total,
});

describe('the cockpit’s key figures', () => {
  it('are shares the API counted: 办结率 of every supervised task, 按期率 of the completed milestones', () => {
    const base = cockpit({});
    const kpis = kpisOf(
      cockpit({
        overview: { ...base.overview, sections: [section('一', 2, 3), section('二', 198, 397)] },
        overdue: { totalCount: 5, counts: { doneOnTime: 9, doneLate: 3, overdue: 5 }, nodes: [] },
        blockages: { totalCount: 2, nodes: [] },
      }),
    );
    expect(kpis).toEqual({
      completion: { part: 200, whole: 400, percent: 50 },
      onTime: { part: 9, whole: 12, percent: 75 },
      overdue: 5,
      openBlockages: 2,
    });
  });

  it('have no rate before anything is counted', () => {
    const kpis = kpisOf(cockpit({}));
    expect(kpis.onTime.percent).toBeNull();
    expect(kpis.completion).toEqual({ part: 0, whole: 0, percent: null });
  });
});

describe('the tasks behind the red count', () => {
  it('are each listed once, with every overdue milestone of theirs, furthest overdue first', () => {
    const rows = worstTasks(
      cockpit({
        red: { totalCount: 3, nodes: [redTask('a', 40), redTask('b', 12), redTask('c', 35)] },
        overdue: {
          totalCount: 3,
          counts: { doneOnTime: 0, doneLate: 0, overdue: 3 },
          nodes: [overdue('b', 90), overdue('b', 20), overdue('c', 5)],
        },
      }),
    );
    expect(rows.map((row) => row.taskId)).toEqual(['b', 'c', 'a']);
    expect(rows[0]!.overdue.map((milestone) => milestone.daysOverdue)).toEqual([90, 20]);
    expect(rows[2]!.overdue).toEqual([]);
  });
});

describe('the tasks held up longest', () => {
  it('are each listed once, with their oldest blockage and how many more they have', () => {
    const rows = blockedTasks(
      cockpit({
        blockages: {
          totalCount: 4,
          nodes: [
            blockage('a', 'a1', 30),
            blockage('b', 'b1', 20),
            blockage('a', 'a2', 10),
            blockage('a', 'a3', 2),
          ],
        },
      }),
      10,
    );
    expect(rows.map((row) => [row.taskId, row.blockageId, row.others])).toEqual([
      ['a', 'a1', 2],
      ['b', 'b1', 0],
    ]);
  });
});
