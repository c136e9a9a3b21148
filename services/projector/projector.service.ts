import type { ServiceSchema } from 'moleculer';
import type { Leadership } from '../../infra/leadership/leadership.ts';
import { alwaysLeading } from '../../infra/leadership/leadership.ts';
import { allProjections } from '../../projections/index.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { appendedEvent, projectedEvent } from '../shared/deps.ts';
import type { Projector } from './projector.ts';
import { createProjector } from './projector.ts';

export interface ProjectorServiceOptions {
  /** The `projector` lease: only its holder polls and wakes; default: always leading. */
  leadership?: Leadership;
}

/**
 * Keeps the read models up to date: woken by every append notification, and
 * polling as well, so a lost notification delays a view by one poll, never loses it.
 * Across nodes only the holder of the `projector` lease does so; `catchUp` answers
 * on any node (the checkpoint's compare-and-set keeps two appliers exact).
 */
export const createProjectorService = (
  deps: ServiceDeps,
  options: ProjectorServiceOptions = {},
): ServiceSchema => {
  const leadership = options.leadership ?? alwaysLeading();
  let projector: Projector | null = null;
  let timer: NodeJS.Timeout | null = null;
  let wakeScheduled = false;
  /** Raised at every change of leadership, so a poll of an earlier term ends. */
  let term = 0;

  return {
    name: 'projector',
    events: {
      [appendedEvent]: {
        handler() {
          if (!leadership.holding()) return;
          // Wake-ups of one turn of the event loop (or of PROJECTOR_COALESCE_MS) share
          // one catch-up: under load one commit covers many events, not one each.
          if (wakeScheduled) return;
          wakeScheduled = true;
          const wake = () => {
            wakeScheduled = false;
            projector
              ?.catchUp()
              .catch((error: unknown) => this.logger.error('projection failed', error));
          };
          if (deps.projectorCoalesceMs > 0) setTimeout(wake, deps.projectorCoalesceMs);
          else setImmediate(wake);
        },
      },
    },
    actions: {
      /** Runs a catch-up now and answers when the read models reach the end of the log. */
      catchUp: async () => {
        await projector?.catchUp();
        return { position: await deps.readModels.getCheckpoint('main') };
      },
    },
    async started() {
      const logger = this.logger;
      const broker = this.broker;
      projector = createProjector({
        projectorId: 'main',
        eventStore: deps.eventStore,
        readModels: deps.readModels,
        projections: allProjections,
        batchSize: deps.projectorBatchSize,
        onCommitted: (position) => broker.broadcast(projectedEvent, { position }),
        onError: (error) => logger.error('projection failed', error),
      });
      const poll = (mine: number) => {
        timer = setTimeout(async () => {
          try {
            await projector?.catchUp();
          } catch (error) {
            logger.error('projection failed; retrying at the next poll', error);
          }
          if (term === mine) poll(mine);
        }, deps.projectorPollMs);
      };
      await leadership.start({
        async lead() {
          const mine = ++term;
          try {
            await projector?.catchUp();
          } finally {
            if (term === mine) poll(mine);
          }
        },
        standDown() {
          term++;
          if (timer) clearTimeout(timer);
          timer = null;
        },
      });
    },
    async stopped() {
      if (leadership.holding()) await projector?.catchUp().catch(() => undefined);
      await leadership.stop();
      projector = null;
    },
  };
};
