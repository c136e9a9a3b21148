import path from 'node:path';
import type { Config } from '../infra/config/config.ts';
import type { Stores } from '../infra/stores/stores.ts';
import { indexedPosition } from '../services/audit/indexed-position.ts';

/** The projector's checkpoint id (see services/projector/projector.service.ts). */
const projectorId = 'main';

/** A follower of the log and the position it has taken the log to. */
interface Follower {
  what: string;
  position: number;
}

/**
 * Why this node must not take writes, or null: a follower of the log (the read
 * models, the audit index) that stands beyond the log's last position means the
 * log lost its tail (an older backup restored, a failed disk). An event appended
 * now would take a position the follower believes it has seen: acknowledged, and
 * never projected nor indexed.
 */
export const logTailRefusal = async (
  config: Pick<Config, 'dataDir'>,
  stores: Stores,
): Promise<string | null> => {
  // The followers first, then the log: a follower only reaches positions already
  // in the log, so another process appending meanwhile cannot make a sound log
  // look short.
  const followers: Follower[] = [
    {
      what: 'the read models were projected up to position',
      position: await stores.readModels.getCheckpoint(projectorId),
    },
    {
      what: 'the audit index holds events up to position',
      position: indexedPosition(path.join(config.dataDir, 'audit.sqlite')) ?? 0,
    },
  ];
  const last = await stores.eventStore.lastPosition();
  const ahead = followers.filter((follower) => follower.position > last);
  if (ahead.length === 0) return null;
  const beyond = ahead.map((follower) => `${follower.what} ${follower.position}`).join(', and ');
  return (
    `the event log ends at position ${last}, but ${beyond}: the log lost its tail ` +
    '(an older backup restored, or a failed disk). Writes are refused until the log is ' +
    'restored from a backup that holds those positions; see "A log that lost its tail" in the README'
  );
};
