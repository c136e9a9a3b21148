import { tOf } from '../../core/i18n.ts';
import type { UnitName } from '../lookups.ts';
import type { HistoryEntry } from './query.ts';

/**
 * Who acted, by name: the name their token carried (as an event of the task's
 * history records it), else the directory's (an official's id names them),
 * else the console's name of the system's own actors (`clock`), else the id.
 * A liaison (联络员) is in no directory: only their events name them.
 */
export const actorName = (
  actor: Pick<HistoryEntry['actor'], 'id' | 'name'>,
  officials: readonly UnitName[],
  history: readonly HistoryEntry[] = [],
): string =>
  actor.name ??
  history.find((event) => event.actor.id === actor.id && event.actor.name)?.actor.name ??
  officials.find((official) => official.id === actor.id)?.name ??
  tOf('actor', actor.id);
