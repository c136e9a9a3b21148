import type { Logger, ServiceSchema } from 'moleculer';
import { newId } from '../../infra/ids/ids.ts';
import type { Leadership } from '../../infra/leadership/leadership.ts';
import { alwaysLeading } from '../../infra/leadership/leadership.ts';
import { correlationOf, guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { brokerHooks } from './clock/hooks.ts';
import type { ClockRunReport } from './clock/report.ts';
import { runClock } from './clock/run.ts';
import type { ClockRunner } from './clock/runner.ts';
import { createClockRunner } from './clock/runner.ts';

export type { ClockRunReport } from './clock/report.ts';

export interface SupervisionOptions {
  /** Milliseconds between scheduled runs of the clock; 0: on demand only. */
  clockIntervalMs: number;
  /** The `clock` lease: only its holder runs the schedule; default: always leading. */
  leadership?: Leadership;
}

/**
 * The supervision clock (the system clock of DESIGN §2): records due-soon reminders, overdue
 * milestones and blockage escalations from the clock port's current day, on a
 * schedule and on demand (`runClock`). Across nodes only the holder of the
 * `clock` lease runs the schedule; should two ever run at once, every fact has a
 * fixed idempotency key, so the second to ask appends nothing.
 */
export const createSupervisionService = (
  deps: ServiceDeps,
  options: SupervisionOptions,
): ServiceSchema => {
  const leadership = options.leadership ?? alwaysLeading();
  let runner: ClockRunner | null = null;
  let logger: Logger | null = null;

  const live = (): { clock: ClockRunner; logger: Logger } => {
    if (!runner || !logger) throw new Error('the supervision service is not started');
    return { clock: runner, logger };
  };

  return {
    name: 'supervision',
    actions: {
      /** Runs the clock now for the current day, after any run in progress. */
      runClock: guarded('runClock', async (ctx): Promise<ClockRunReport> => {
        const { clock, logger } = live();
        const ids = { correlationId: correlationOf(ctx), causationId: ctx.id };
        const hooks = brokerHooks(ctx.broker, logger, ids, clock.stopping);
        return clock.exclusive(() => runClock(deps, hooks));
      }),
    },
    async started() {
      const log = this.logger;
      const broker = this.broker;
      const clock = createClockRunner(options.clockIntervalMs, async () => {
        if (!leadership.holding()) return;
        const ids = { correlationId: `clock-run-${newId()}`, causationId: 'clock-schedule' };
        // A run that outlives the lease ends before its next command.
        const stopping = () => clock.stopping() || !leadership.holding();
        try {
          const report = await runClock(deps, brokerHooks(broker, log, ids, stopping));
          log.info('clock run', report);
        } catch (error) {
          log.error('clock run failed; the next one tries again', error);
        }
      });
      logger = log;
      runner = clock;
      clock.start();
      await leadership.start({ lead() {}, standDown() {} });
    },
    async stopped() {
      await leadership.stop();
      await runner?.stop();
      runner = null;
    },
  };
};
