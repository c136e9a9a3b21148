import type { Cockpit } from './data.ts';

/** A share: how many of how many, and the percent (null when there is nothing to share out). */
export interface Share {
  part: number;
  whole: number;
  percent: number | null;
}

/** The cockpit's key figures, each from what the API answered, nothing kept in the browser. */
export interface Kpis {
  /** 办结率: tasks whose completion report (办结报告) was accepted, of every supervised task. */
  completion: Share;
  /** 按期率: milestones completed by their due date, of those completed (as 盯责任 counts it). */
  onTime: Share;
  /** 逾期数: open milestones past their due date, those of suspended tasks aside. */
  overdue: number;
  /** Open blockages (堵点), whatever their level. */
  openBlockages: number;
}

const share = (part: number, whole: number): Share => ({
  part,
  whole,
  percent: whole > 0 ? (100 * part) / whole : null,
});

export const kpisOf = (cockpit: Cockpit): Kpis => {
  const { counts } = cockpit.overdue;
  const { sections } = cockpit.overview;
  const sum = (count: (row: (typeof sections)[number]) => number) =>
    sections.reduce((total, row) => total + count(row), 0);
  return {
    // Counted by the server over every supervised task, whatever their number.
    completion: share(
      sum((row) => row.accepted),
      sum((row) => row.total),
    ),
    onTime: share(counts.doneOnTime, counts.doneOnTime + counts.doneLate),
    overdue: counts.overdue,
    openBlockages: cockpit.blockages.totalCount,
  };
};
