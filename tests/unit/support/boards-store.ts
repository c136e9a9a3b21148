import { randomUUID } from 'node:crypto';
import { eventSchemaVersion } from '../../../contracts/events/index.ts';
import { rulesStreamId } from '../../../contracts/streams.ts';
import { openSqliteEventStore } from '../../../infra/event-store/sqlite/sqlite-event-store.ts';
import type { EventEnvelope } from '../../../projections/projection.ts';

/** The log in a store of its own, each event in its own stream's order, as the services append it. */
export const storeOf = async (envelopes: readonly EventEnvelope[]) => {
  const store = openSqliteEventStore({ path: ':memory:' });
  await appendLogged(store, envelopes);
  return store;
};

/** Appends the events of `envelopes` to `store`, each recorded when its envelope says. */
export const appendLogged = async (
  store: ReturnType<typeof openSqliteEventStore>,
  envelopes: readonly Pick<EventEnvelope, 'event' | 'recordedAt'>[],
): Promise<void> => {
  for (const { event, recordedAt } of envelopes) {
    const streamId = event.type === 'RulesetPublished' ? rulesStreamId : 'any';
    const actor = { id: 'office-1', role: 'office' as const };
    await store.appendToStream(
      streamId,
      [
        {
          id: randomUUID(),
          type: event.type,
          version: eventSchemaVersion(event.type),
          data: event.data,
          metadata: {
            actor,
            correlationId: 'c',
            causationId: 'c',
            idempotencyKey: randomUUID(),
            recordedAt,
          },
          recordedAt,
        },
      ],
      { expectedRevision: 'any' },
    );
  }
};
