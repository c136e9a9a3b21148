import type { ServiceSchema } from 'moleculer';
import { allProjections } from '../../projections/index.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { appendedEvent, projectedEvent } from '../shared/deps.ts';
import type { Projector } from './projector.ts';
import { createProjector } from './projector.ts';

/**
 * Keeps the read models up to date: woken by every append notification, and
 * polling as well, so a lost notification delays a view by one poll, never loses it.
 */
export const createProjectorService = (deps: ServiceDeps): ServiceSchema => {
  let projector: Projector | null = null;
  let timer: NodeJS.Timeout | null = null;
  let wakeScheduled = false;

  return {
    name: 'projector',
    events: {
      [appendedEvent]: {
        handler() {
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
      await projector.catchUp();
      const poll = () => {
        timer = setTimeout(async () => {
          try {
            await projector?.catchUp();
          } catch (error) {
            logger.error('projection failed; retrying at the next poll', error);
          }
          if (timer) poll();
        }, deps.projectorPollMs);
      };
      poll();
    },
    async stopped() {
      if (timer) clearTimeout(timer);
      timer = null;
      await projector?.catchUp().catch(() => undefined);
      projector = null;
    },
  };
};
