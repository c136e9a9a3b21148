import type { ServiceSchema } from 'moleculer';
import type { Leadership } from '../../infra/leadership/leadership.ts';
import { alwaysLeading } from '../../infra/leadership/leadership.ts';
import {
  type FollowingUnderLease,
  followUnderLease,
} from '../../infra/log-follower/follow-under-lease.ts';
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
 * on any node (the checkpoint's compare-and-set keeps two appliers exact). The
 * holder's commits carry its lease term, so once another node has taken the
 * lease and committed, a holder that slept through its lapse commits nothing.
 */
export const createProjectorService = (
  deps: ServiceDeps,
  options: ProjectorServiceOptions = {},
): ServiceSchema => {
  let projector: Projector | null = null;
  const catchUp = async (proceed?: () => boolean, term?: number) => {
    await projector?.catchUp(proceed, term);
  };
  let following: FollowingUnderLease | null = null;

  return {
    name: 'projector',
    events: {
      [appendedEvent]: {
        handler() {
          following?.wake();
        },
      },
    },
    actions: {
      /** Runs a catch-up now and answers when the read models reach the end of the log. */
      catchUp: async () => {
        await catchUp();
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
      following = followUnderLease({
        eventStore: deps.eventStore,
        leadership: options.leadership ?? alwaysLeading(),
        catchUp,
        pollMs: deps.projectorPollMs,
        coalesceMs: deps.projectorCoalesceMs,
        onWakeError: (error) => logger.error('projection failed', error),
        onPollError: (error) => logger.error('projection failed; retrying at the next poll', error),
      });
      await following.start();
    },
    async stopped() {
      if (following?.holding()) await catchUp().catch(() => undefined);
      await following?.stop();
      projector = null;
    },
  };
};
