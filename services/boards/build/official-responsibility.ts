import type { Post } from '../../../contracts/events/index.ts';
import type { AccountabilityStatus } from '../../../contracts/events/task-events.ts';
import { holderOn, postsHeldOn } from '../../../domain/posts-timeline.ts';
import type { BoardOfficial } from '../../../projections/boards/index.ts';
import { type BoardView, perView } from './board-view.ts';
import { groupInto } from './grouping.ts';
import { type ResponsibilityStats, responsibilityStats } from './responsibility-stats.ts';
import { firstItems } from './row-items.ts';
import type { TaskFacts } from './task-facts.ts';

/** A post held on the day. */
export interface HeldPost {
  unitId: string;
  unitName: string | null;
  post: Post;
  from: string;
}

/** An accountability record (问责) against an official, in the period. */
export interface OfficialRecord {
  recordId: string;
  taskId: string;
  day: string;
  kind: string;
  reason: string;
  scoreDeduction: number;
  /** A decision, or a recommendation (问责建议) the discipline bodies have yet to decide. */
  status: AccountabilityStatus;
}

/**
 * One official on the responsibility board: the tasks whose lead unit they were
 * responsible leader of (分管领导) on the day, and the records against them.
 */
export interface OfficialResponsibility extends ResponsibilityStats {
  officialId: string;
  name: string;
  title: string;
  posts: HeldPost[];
  /** The first of their tasks (`itemsOnRow`; `officialTasks` pages them all). */
  taskIds: string[];
  taskCount: number;
  openBlockages: number;
  /** The first records against them (`itemsOnRow`; `officialRecords` pages them all). */
  accountability: OfficialRecord[];
  accountabilityCount: number;
}

/** An open blockage as responsibility counts it. */
export type Blocked = {
  blockedUnitId: string | null;
  waitingOnUnitId: string | null;
  taskId: string;
};

/** The official responsible for a task on the day: the responsible leader of its lead unit. */
const responsibleFor = (facts: TaskFacts, view: BoardView): string | null =>
  facts.task.leadUnitId === null
    ? null
    : holderOn(view.terms, facts.task.leadUnitId, 'responsible_leader', view.day);

/** The period's accountability records against officials, by official, in task order. */
export const officialRecords = perView((view): Map<string, OfficialRecord[]> => {
  const byOfficial = new Map<string, OfficialRecord[]>();
  for (const task of view.input.docs.tasks) {
    for (const entry of task.accountability) {
      if (entry.against.kind !== 'official') continue;
      if (entry.day < view.period.from || entry.day > view.period.to) continue;
      groupInto(byOfficial, entry.against.id, {
        recordId: entry.recordId,
        taskId: task.id,
        day: entry.day,
        kind: entry.kind,
        reason: entry.reason,
        scoreDeduction: entry.scoreDeduction,
        status: entry.status ?? 'decided',
      });
    }
  }
  return byOfficial;
});

/** The tasks each official answered for on the day (responsible leader of the lead unit). */
export const officialTasks = perView((view): Map<string, TaskFacts[]> => {
  const byOfficial = new Map<string, TaskFacts[]>();
  for (const facts of view.tasks) {
    const officialId = responsibleFor(facts, view);
    if (officialId !== null) groupInto(byOfficial, officialId, facts);
  }
  return byOfficial;
});

const officialRow = (
  official: BoardOfficial,
  view: BoardView,
  blocked: ReadonlyMap<string, number>,
): OfficialResponsibility => {
  const tasks = officialTasks(view).get(official.id) ?? [];
  const records = officialRecords(view).get(official.id) ?? [];
  return {
    officialId: official.id,
    name: official.name,
    title: official.title,
    posts: postsHeldOn(view.terms, official.id, view.day).map((term) => ({
      unitId: term.unitId,
      unitName: view.unitName(term.unitId),
      post: term.post,
      from: term.from,
    })),
    taskIds: firstItems(tasks).map((facts) => facts.task.id),
    taskCount: tasks.length,
    ...responsibilityStats(tasks, view),
    openBlockages: tasks.reduce((sum, facts) => sum + (blocked.get(facts.task.id) ?? 0), 0),
    accountability: firstItems(records),
    accountabilityCount: records.length,
  };
};

/** Officials who held a post on the day, answered for a task, or were held to account. */
export const officialRows = (
  view: BoardView,
  blocked: readonly Blocked[],
  query: { officialId?: string | null | undefined; unitId?: string | null | undefined },
): OfficialResponsibility[] => {
  const blockedTasks = new Map<string, number>();
  for (const b of blocked) blockedTasks.set(b.taskId, (blockedTasks.get(b.taskId) ?? 0) + 1);
  return [...view.input.docs.officials]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .filter((official) => !query.officialId || official.id === query.officialId)
    .map((official) => officialRow(official, view, blockedTasks))
    .filter((row) => row.posts.length > 0 || row.taskCount > 0 || row.accountabilityCount > 0)
    .filter((row) => !query.unitId || row.posts.some((post) => post.unitId === query.unitId));
};
