import { setImmediate as nextTurn } from 'node:timers/promises';
import { dayOf } from '../../../contracts/dates.ts';
import { DomainError } from '../../../contracts/errors.ts';
import { taskStreamId } from '../../../contracts/streams.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { readRuleset } from '../../shared/published-rulesets.ts';
import { taskDecider } from '../../tasks/domain/decider.ts';
import type { ClockCandidate } from './candidates.ts';
import { clockCandidates } from './candidates.ts';
import { clockActor, clockCommand, clockKey } from './commands.ts';
import type { CandidateOutcome, ClockRunReport } from './report.ts';
import { emptyReport, tally } from './report.ts';
import { settleYearBefore } from './settlement.ts';
import { agendaPages, readCalendars } from './sources.ts';

/**
 * How long a run issues commands back to back before the event loop takes a
 * turn. The embedded store answers synchronously, so a day of thousands of
 * facts (a province's light changes) would otherwise hold every other request
 * of the service, and its answers to the broker's heartbeats, to its end.
 */
const TURN_MS = 20;

export type ClockRunDeps = Pick<ServiceDeps, 'eventStore' | 'readModels' | 'clock' | 'handle'>;

/** What a run needs from where it runs: the broker, the request, the service's life. */
export interface ClockRunHooks {
  correlationId: string;
  causationId: string;
  /** Brings the read models to the end of the log where a projector is at hand; never throws. */
  catchUp(): Promise<void>;
  /** Tells the projectors that the log grew up to `position`. */
  appended(position: number): void;
  /** Asked before each command: true ends the run early (the service is stopping). */
  stopping(): boolean;
  logger: { error(message: string, ...args: unknown[]): void };
}

type Issued = { outcome: CandidateOutcome; position: number };

/**
 * Asks the task aggregate for one fact, as the clock, under the fact's own
 * idempotency key. ILLEGAL_STATE (a task terminated since the agenda was read)
 * skips the candidate; any other error fails it alone.
 */
const issue = async (
  deps: ClockRunDeps,
  hooks: ClockRunHooks,
  candidate: ClockCandidate,
): Promise<Issued> => {
  try {
    const result = await deps.handle(taskDecider, {
      streamId: taskStreamId(candidate.taskId),
      command: clockCommand(candidate),
      actor: clockActor,
      correlationId: hooks.correlationId,
      causationId: hooks.causationId,
      idempotencyKey: clockKey(candidate),
    });
    const recorded = !result.replayed && result.events.length > 0;
    return recorded
      ? { outcome: 'recorded', position: result.position }
      : { outcome: 'unchanged', position: 0 };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ILLEGAL_STATE') {
      return { outcome: 'skipped', position: 0 };
    }
    hooks.logger.error(`clock: ${clockKey(candidate)} failed; the run goes on`, error);
    return { outcome: 'failed', position: 0 };
  }
};

/**
 * One run of the supervision clock for the clock port's current day (China
 * Standard Time): reads the ruleset in force and the agenda (page by page,
 * `agendaPages`), then records each due-soon reminder, overdue milestone and
 * blockage escalation that is due, each light that changed, and
 * closes the year before once the new year has begun (年度结算).
 * Any number of runs, interrupted or repeated, record each fact once: the
 * aggregate records nothing already true, and each fact has a fixed key.
 */
export const runClock = async (
  deps: ClockRunDeps,
  hooks: ClockRunHooks,
  options: { agendaPageSize?: number } = {},
): Promise<ClockRunReport> => {
  const day = dayOf(deps.clock.now());
  const [ruleset, calendars] = await Promise.all([
    readRuleset(deps.eventStore, day),
    readCalendars(deps.eventStore, day),
    hooks.catchUp(),
  ]);
  let report = emptyReport(day);
  let lastPosition = 0;
  let turnStarted = performance.now();
  const pages = agendaPages(deps.readModels, day, ruleset, calendars, options.agendaPageSize);
  for await (const page of pages) {
    for (const candidate of clockCandidates(page, day, ruleset, calendars)) {
      if (hooks.stopping()) break;
      if (performance.now() - turnStarted > TURN_MS) {
        await nextTurn();
        turnStarted = performance.now();
      }
      const issued = await issue(deps, hooks, candidate);
      report = tally(report, candidate.kind, issued.outcome);
      lastPosition = Math.max(lastPosition, issued.position);
    }
    if (hooks.stopping()) break;
  }
  if (!hooks.stopping()) {
    const settled = await settleYearBefore(deps, hooks, day);
    if (settled.outcome === 'recorded') report = { ...report, settled: report.settled + 1 };
    if (settled.outcome === 'failed') report = { ...report, failed: report.failed + 1 };
    lastPosition = Math.max(lastPosition, settled.position);
  }
  if (lastPosition > 0) hooks.appended(lastPosition);
  return report;
};
