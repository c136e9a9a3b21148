import { ServiceBroker } from 'moleculer';
import { type Clock, settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { AssertingContext, actorAssertions } from '../../infra/identity/assertion-middleware.ts';
import { processIdentity } from '../../infra/identity/node-identity.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ServiceDeps } from '../../services/shared/deps.ts';

/** What the services of a test broker are given: the stores, a clock, their command handler. */
export const serviceDeps = (
  eventStore: EventStore,
  readModels: ReadModelStore,
  clock: Clock = settableClock('2021-03-01T08:00:00.000Z'),
): ServiceDeps => ({
  eventStore,
  readModels,
  clock,
  handle: createCommandHandler({ store: eventStore, clock }),
  projectorPollMs: 1000,
  projectorCoalesceMs: 0,
  projectorBatchSize: 100,
});

/** A broker of one process that checks actor assertions, as the system's does. */
export const assertingBroker = (): ServiceBroker =>
  new ServiceBroker({
    logger: false,
    middlewares: [actorAssertions(processIdentity())],
    ContextFactory: AssertingContext,
  });
