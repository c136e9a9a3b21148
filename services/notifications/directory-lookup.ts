import type { Post } from '../../contracts/events/index.ts';
import type { NotifyContext, Recipient, TaskFacts } from '../../domain/notifications/types.ts';
import { heldOn, holdersOn, type PostTerm } from '../../domain/posts-timeline.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import type { BoardOfficial } from '../../projections/boards/officials/document.ts';
import type { TaskDetail } from '../../projections/task-detail/document.ts';
import type { UnitListItem } from '../../projections/unit-list/document.ts';

/** The directory as the read models hold it: officials with their posts and contacts, unit names. */
export interface Directory {
  officials: ReadonlyMap<string, BoardOfficial>;
  terms: readonly PostTerm[];
  unitNames: ReadonlyMap<string, string>;
}

/**
 * Reads the directory once for a page of the log: the officials (a few hundred
 * documents, not the log) and the units' names.
 */
export const loadDirectory = async (readModels: ReadModelStore): Promise<Directory> => {
  const [officials, units] = await Promise.all([
    readModels.find<BoardOfficial>('board_officials'),
    readModels.find<UnitListItem>('units'),
  ]);
  return {
    officials: new Map(officials.items.map((official) => [official.id, official])),
    terms: officials.items.flatMap((official) => official.terms),
    unitNames: new Map(units.items.map((unit) => [unit.id, unit.name])),
  };
};

/** The business day (China Standard Time) of an ISO timestamp. */
export const chinaDay = (timestamp: string): string =>
  new Date(Date.parse(timestamp) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The task as the derivation needs it, from its read-model document. */
export const taskFacts = (task: TaskDetail | null): TaskFacts | null =>
  task && {
    taskId: task.id,
    title: task.title,
    leadUnitId: task.leadUnitId,
    cooperatingUnitIds: task.cooperatingUnitIds,
    responsibleLeader: task.responsibleLeader,
    milestoneTitles: Object.fromEntries(task.milestones.map((m) => [m.id, m.title])),
  };

const recipientOf = (official: BoardOfficial, unitId: string | null): Recipient => ({
  officialId: official.id,
  name: official.name,
  unitId,
  ...(official.contacts ? { contacts: official.contacts } : {}),
});

/** The lookups of one fact: who held which post on its day, the task, the units' names. */
export const notifyContext = (
  directory: Directory,
  task: TaskFacts | null,
  day: string,
): NotifyContext => {
  const byId = (officialId: string, unitId: string | null): Recipient[] => {
    const official = directory.officials.get(officialId);
    return official ? [recipientOf(official, unitId)] : [];
  };
  /** An official's unit for the robots: the first post they hold that day. */
  const unitOf = (officialId: string): string | null =>
    directory.terms.find((term) => term.officialId === officialId && heldOn(term, day))?.unitId ??
    null;
  return {
    task,
    unitName: (unitId) => directory.unitNames.get(unitId) ?? unitId,
    holders: (unitId: string, post: Post) =>
      holdersOn(directory.terms, unitId, post, day).flatMap((id) => byId(id, unitId)),
    mainLeaders: () => {
      const held = directory.terms.filter((t) => t.post === 'main_leader' && heldOn(t, day));
      return held.flatMap((term) => byId(term.officialId, term.unitId));
    },
    official: (idOrName) => {
      const official = directory.officials.get(idOrName);
      if (official) return recipientOf(official, unitOf(official.id));
      // A plan's leader named before leaders were officials: by name, when only one bears it.
      const named = [...directory.officials.values()].filter((o) => o.name === idOrName);
      return named.length === 1 ? recipientOf(named[0]!, unitOf(named[0]!.id)) : null;
    },
  };
};
