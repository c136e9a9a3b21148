import { createVersionedMap } from '../build/layered-map.ts';

type Part = { id: string; taskId: string };

const byId = (a: Part, b: Part): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The part documents of one collection (milestones, blockages, indicators)
 * grouped by task and kept up to date one change at a time: a change re-sorts
 * only its own task's parts, so a board after a write does not regroup them all.
 */
export const createPartIndex = <P extends Part>() => {
  const parts = new Map<string, Map<string, P>>();
  const taskOf = new Map<string, string>();
  const sorted = createVersionedMap<string, readonly P[]>();
  const stale = new Set<string>();

  const touch = (taskId: string) => {
    stale.add(taskId);
  };

  return {
    /** `doc` is the part `id` now; null when it is gone. */
    set(id: string, doc: P | null): void {
      const before = taskOf.get(id);
      if (before !== undefined && (doc === null || doc.taskId !== before)) {
        parts.get(before)?.delete(id);
        taskOf.delete(id);
        touch(before);
      }
      if (doc === null) return;
      const group = parts.get(doc.taskId) ?? new Map<string, P>();
      group.set(id, doc);
      parts.set(doc.taskId, group);
      taskOf.set(id, doc.taskId);
      touch(doc.taskId);
    },

    /** Every task's parts sorted by id; the same map while nothing changed. */
    grouped(): ReadonlyMap<string, readonly P[]> {
      for (const taskId of stale) {
        const group = parts.get(taskId);
        if (group === undefined || group.size === 0) {
          parts.delete(taskId);
          sorted.delete(taskId);
        } else {
          sorted.set(taskId, [...group.values()].sort(byId));
        }
      }
      stale.clear();
      return sorted.current();
    },
  };
};
