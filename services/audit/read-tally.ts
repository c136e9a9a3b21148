import type { Actor } from '../../contracts/actor.ts';
import { dayOf } from '../../contracts/dates.ts';
import type { AuditedRead } from '../../contracts/events/audit-events.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { CommandHandler } from '../shared/command-handler.ts';
import { coverKey, readRecordDecider, windowOf } from './domain/read-record.ts';
import { auditReadsStreamId } from './read-records.ts';

interface Counted {
  actor: Actor;
  operation: AuditedRead;
  query: Record<string, unknown>;
  window: { from: string; to: string };
  reads: number;
}

/**
 * Counts each reader's reads of one thing per 10-minute window, in this node's
 * memory; once a window is over, a thing read more than once gets a second
 * record of that window with the total. The first read of a window is recorded
 * before it is answered, as ever: a count lost with the process loses a
 * number, never the fact of a read.
 */
export const createReadTally = (deps: { handle: CommandHandler; clock: Clock }) => {
  const counted = new Map<string, Counted>();
  return {
    /** One more read by `actor` of what `operation` and `query` name, now. */
    count(actor: Actor, operation: AuditedRead, query: Record<string, unknown>): void {
      const window = windowOf(deps.clock.now());
      const key = `${actor.id}|${coverKey(operation, query, window.from)}`;
      const entry = counted.get(key);
      if (entry) entry.reads += 1;
      else counted.set(key, { actor, operation, query, window, reads: 1 });
    },
    /** Records the totals of the windows that are over (all of them when `all`, at a stop). */
    async flush(all = false): Promise<void> {
      const now = deps.clock.now();
      for (const [key, entry] of counted) {
        if (!all && entry.window.to > now) continue;
        counted.delete(key);
        if (entry.reads < 2) continue;
        await deps.handle(readRecordDecider, {
          streamId: auditReadsStreamId(dayOf(entry.window.from), entry.actor.id),
          command: {
            type: 'TallyHistoryReads',
            data: {
              operation: entry.operation,
              query: entry.query,
              window: entry.window,
              reads: entry.reads,
            },
          },
          actor: entry.actor,
          correlationId: `read-tally-${entry.window.from}`,
          causationId: 'read-tally',
        });
      }
    },
    /** Windows being counted (for tests of the bound). */
    size: (): number => counted.size,
  };
};

export type ReadTally = ReturnType<typeof createReadTally>;
