import type { Logger, ServiceBroker } from 'moleculer';
import { appendedEvent } from '../../shared/deps.ts';
import type { ClockRunHooks } from './run.ts';

/**
 * The hooks of a run inside a broker: the projector of this process (when it
 * runs here) catches up first so the agenda holds every fact already recorded;
 * what the run appends wakes the projectors as any command does.
 */
export const brokerHooks = (
  broker: ServiceBroker,
  logger: Logger,
  ids: { correlationId: string; causationId: string },
  stopping: () => boolean,
): ClockRunHooks => ({
  ...ids,
  stopping,
  logger,
  async catchUp() {
    if (!broker.getLocalService('projector')) return;
    try {
      await broker.call('projector.catchUp');
    } catch (error) {
      // A lagging agenda only delays a fact to the next run: the aggregate never doubles it.
      logger.warn(
        'clock: the projector did not catch up; the run reads the agenda as it is',
        error,
      );
    }
  },
  appended: (position) => {
    broker.broadcast(appendedEvent, { position });
  },
});
