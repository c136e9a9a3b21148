import { dayOf } from '../../../contracts/dates.ts';
import { scoringPeriodStreamId } from '../../../contracts/streams.ts';
import { readRuleset } from '../../shared/published-rulesets.ts';
import { settlementDecider } from '../domain/settlement-decider.ts';
import { clockActor } from './commands.ts';
import type { ClockRunDeps, ClockRunHooks } from './run.ts';

/** What closing a period did: recorded now (at `position`), already closed, or failed. */
export type Settled = { outcome: 'recorded' | 'unchanged' | 'failed'; position: number };

/**
 * Closes the year before `day`'s (年度结算) once the log reaches back into it,
 * under the ruleset in force on its last day, with a fixed idempotency key:
 * every run of the new year asks, the first records it. A log that begins
 * in `day`'s year has no period before it to close.
 */
export const settleYearBefore = async (
  deps: ClockRunDeps,
  hooks: ClockRunHooks,
  day: string,
): Promise<Settled> => {
  const year = Number(day.slice(0, 4)) - 1;
  const to = `${year}-12-31`;
  try {
    // Closed already (every run after the first of the year): one short read.
    const streamId = scoringPeriodStreamId(year);
    const [closed] = await deps.eventStore.readStream(streamId, { limit: 1 });
    if (closed) return { outcome: 'unchanged', position: 0 };
    const [first] = await deps.eventStore.readAll({ after: 0, limit: 1 });
    if (!first || dayOf(first.recordedAt) > to) return { outcome: 'unchanged', position: 0 };
    const ruleset = await readRuleset(deps.eventStore, to);
    const result = await deps.handle(settlementDecider, {
      streamId,
      command: { type: 'CloseScoringPeriod', data: { year, rulesetVersion: ruleset.version } },
      actor: clockActor,
      correlationId: hooks.correlationId,
      causationId: hooks.causationId,
      idempotencyKey: `clock|settle|${year}`,
    });
    return !result.replayed && result.events.length > 0
      ? { outcome: 'recorded', position: result.position }
      : { outcome: 'unchanged', position: 0 };
  } catch (error) {
    hooks.logger.error(`clock: closing the scoring period ${year} failed; the run goes on`, error);
    return { outcome: 'failed', position: 0 };
  }
};
