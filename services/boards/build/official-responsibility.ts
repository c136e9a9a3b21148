import type { Post } from '../../../contracts/events/index.ts';
import { holderOn, postsHeldOn } from '../../../domain/posts-timeline.ts';
import type { BoardOfficial } from '../../../projections/boards/index.ts';
import type { BoardView } from './board-view.ts';
import { type ResponsibilityStats, responsibilityStats } from './responsibility-stats.ts';
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
  taskIds: string[];
  openBlockages: number;
  accountability: OfficialRecord[];
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

const recordsAgainst = (officialId: string, view: BoardView): OfficialRecord[] =>
  view.input.docs.tasks.flatMap((task) =>
    task.accountability
      .filter((entry) => entry.against.kind === 'official' && entry.against.id === officialId)
      .filter((entry) => entry.day >= view.period.from && entry.day <= view.period.to)
      .map((entry) => ({
        recordId: entry.recordId,
        taskId: task.id,
        day: entry.day,
        kind: entry.kind,
        reason: entry.reason,
        scoreDeduction: entry.scoreDeduction,
      })),
  );

const officialRow = (
  official: BoardOfficial,
  view: BoardView,
  blocked: readonly Blocked[],
  responsible: ReadonlyMap<string, string | null>,
): OfficialResponsibility => {
  const tasks = view.tasks.filter((facts) => responsible.get(facts.task.id) === official.id);
  const taskIds = tasks.map((facts) => facts.task.id);
  const theirs = new Set(taskIds);
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
    taskIds,
    ...responsibilityStats(tasks, view),
    openBlockages: blocked.filter((b) => theirs.has(b.taskId)).length,
    accountability: recordsAgainst(official.id, view),
  };
};

/** Officials who held a post on the day, answered for a task, or were held to account. */
export const officialRows = (
  view: BoardView,
  blocked: readonly Blocked[],
  query: { officialId?: string | null | undefined; unitId?: string | null | undefined },
): OfficialResponsibility[] => {
  const responsible = new Map(
    view.tasks.map((facts) => [facts.task.id, responsibleFor(facts, view)]),
  );
  return [...view.input.docs.officials]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .filter((official) => !query.officialId || official.id === query.officialId)
    .map((official) => officialRow(official, view, blocked, responsible))
    .filter(
      (row) => row.posts.length > 0 || row.taskIds.length > 0 || row.accountability.length > 0,
    )
    .filter((row) => !query.unitId || row.posts.some((post) => post.unitId === query.unitId));
};
