import type { Actor } from '../../contracts/actor.ts';
import { DomainError, validationError } from '../../contracts/errors.ts';
import type { DomainEvent } from '../../contracts/events/index.ts';
import { eventSchemaVersion } from '../../contracts/events/index.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import type { EventMetadata } from '../../contracts/metadata.ts';
import { macWritten, type WriteKey } from '../../domain/transparency/written-event.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore, NewEvent, StoredEvent } from '../../infra/event-store/port.ts';
import { WrongExpectedRevisionError } from '../../infra/event-store/port.ts';
import { deterministicId, newId } from '../../infra/ids/ids.ts';
import type { Decider } from './decider.ts';
import type { CachedStream, StreamCache } from './stream-cache.ts';
import { commandKey, createStreamCache } from './stream-cache.ts';
import type { StreamLock } from './stream-lock.ts';
import { createStreamLock } from './stream-lock.ts';

export interface CommandRequest<C> {
  streamId: string;
  command: C;
  actor: Actor;
  correlationId: string;
  /** Id of the message that caused this command (the request, or a prior event). */
  causationId: string;
  /** A retried command with the same key (from the same actor) appends nothing. */
  idempotencyKey?: string;
}

export interface CommandResult {
  /** The events this command appended, or found appended by its first run. */
  events: StoredEvent[];
  /** Revision of the stream after the command (-1: the stream does not exist). */
  revision: number;
  /** Global position of the command's last event (0 when it appended none). */
  position: number;
  /** True when an earlier run with the same idempotency key already did the work. */
  replayed: boolean;
}

export interface CommandHandlerDeps {
  store: EventStore;
  clock: Clock;
  /** Attempts of the whole load-decide-append cycle before giving up with CONFLICT. */
  maxAttempts?: number;
  lock?: StreamLock;
  /** How many folded streams to keep in memory (default 10,000). */
  cachedStreams?: number;
  /**
   * The key this process authenticates the events it writes with
   * (EVENT_WRITE_KEY_FILE): a row written into the store by anyone else carries
   * no valid MAC.
   */
  writer?: WriteKey;
}

/**
 * Load the stream, fold `evolve`, `decide`, append with the expected revision.
 * On a concurrency conflict the whole decision is taken again on fresh state.
 */
export const createCommandHandler = (deps: CommandHandlerDeps) => {
  const maxAttempts = deps.maxAttempts ?? 5;
  const lock = deps.lock ?? createStreamLock();

  const caches = new WeakMap<object, StreamCache<unknown>>();
  /** One cache per decider: stream ids of different aggregates never meet. */
  const cacheOf = <S>(decider: object) => {
    let cache = caches.get(decider);
    if (!cache) {
      cache = createStreamCache<unknown>(deps.cachedStreams ?? 10_000);
      caches.set(decider, cache);
    }
    return cache as StreamCache<S>;
  };

  /** The stream folded up to its last stored event: the cached fold plus what came after it. */
  const load = async <E extends DomainEvent, S>(
    decider: Decider<unknown, E, S>,
    streamId: string,
  ): Promise<CachedStream<S>> => {
    const cache = cacheOf<S>(decider);
    const cached = cache.get(streamId) ?? {
      state: decider.initialState(),
      revision: -1,
      commands: new Map(),
    };
    const tail = await deps.store.readStream(streamId, { fromRevision: cached.revision + 1 });
    const loaded = fold(decider, cached, tail);
    cache.set(streamId, loaded);
    return loaded;
  };

  const attempt = async <C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    request: CommandRequest<C>,
    idempotencyKey: string,
  ): Promise<CommandResult> => {
    const loaded = await load(decider as Decider<unknown, E, S>, request.streamId);
    const earlier = loaded.commands.get(commandKey(request.actor.id, idempotencyKey));
    const command = commandTypeOf(request.command);
    if (request.idempotencyKey && earlier) return replay(earlier, command);
    const now = deps.clock.now();
    const decided = decider.decide(request.command, loaded.state, { actor: request.actor, now });
    if (decided.length === 0)
      return { events: [], revision: loaded.revision, position: 0, replayed: false };
    const metadata: EventMetadata = {
      actor: request.actor,
      correlationId: request.correlationId,
      causationId: request.causationId,
      idempotencyKey,
      recordedAt: now,
      ...(command ? { command } : {}),
    };
    const events = decided.map((event, index) => {
      const unsigned = toNewEvent(event, metadata, eventId(request, idempotencyKey, index));
      if (!deps.writer) return unsigned;
      const writer = macWritten({ ...unsigned, streamId: request.streamId }, deps.writer);
      return { ...unsigned, metadata: { ...unsigned.metadata, writer } };
    });
    const appended = await deps.store.appendToStream(request.streamId, events, {
      expectedRevision: loaded.revision === -1 ? 'no_stream' : loaded.revision,
    });
    const stored = events.map((event, index) => ({
      ...event,
      streamId: request.streamId,
      revision: appended.nextRevision - events.length + 1 + index,
      position: appended.positions[index] ?? 0,
    }));
    if (!appended.duplicate) {
      const cache = cacheOf<S>(decider);
      cache.set(request.streamId, fold(decider as Decider<unknown, E, S>, loaded, stored));
    }
    return resultOf(stored, appended.duplicate);
  };

  return async <C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    request: CommandRequest<C>,
  ): Promise<CommandResult> => {
    const idempotencyKey = request.idempotencyKey ?? newId();
    return lock(request.streamId, async () => {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(decider, request, idempotencyKey);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (tries >= maxAttempts) {
            throw new DomainError(
              'CONFLICT',
              `${request.streamId} kept changing under this command; gave up after ${tries} attempts`,
            );
          }
        }
      }
    });
  };
};

export type CommandHandler = ReturnType<typeof createCommandHandler>;

/** With a key, event ids are derived from it so a concurrent retry collides harmlessly. */
const eventId = (request: CommandRequest<unknown>, key: string, index: number): string =>
  request.idempotencyKey
    ? deterministicId(`${request.streamId}|${request.actor.id}|${key}|${index}`)
    : newId();

const toNewEvent = (event: DomainEvent, metadata: EventMetadata, id: string): NewEvent => ({
  id,
  type: event.type,
  version: eventSchemaVersion(event.type),
  data: event.data,
  metadata,
  recordedAt: metadata.recordedAt,
});

/**
 * Folds stored events into a cached stream. The commands index is extended in
 * place: an entry only ever moves forward, under the stream lock, and copying it
 * made every command cost as much as the stream is long.
 */
const fold = <E extends DomainEvent, S>(
  decider: Decider<unknown, E, S>,
  from: CachedStream<S>,
  events: readonly StoredEvent[],
): CachedStream<S> => {
  if (events.length === 0) return from;
  const commands = from.commands;
  let state = from.state;
  for (const stored of events) {
    state = decider.evolve(state, toDomainEvent<E>(stored));
    const key = commandKey(stored.metadata.actor.id, stored.metadata.idempotencyKey);
    commands.set(key, [...(commands.get(key) ?? []), stored]);
  }
  return { state, revision: events.at(-1)?.revision ?? from.revision, commands };
};

const commandTypeOf = (command: unknown): string | undefined => {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
};

/** The first run's result, unless the key was used for another command: that is refused. */
const replay = (earlier: StoredEvent[], command: string | undefined): CommandResult => {
  const first = earlier[0]?.metadata.command;
  if (first && command && first !== command) {
    throw validationError('idempotencyKey', `already used for another command (${first})`);
  }
  return resultOf(earlier, true);
};

const resultOf = (events: StoredEvent[], replayed: boolean): CommandResult => {
  const last = events.at(-1);
  return { events, revision: last?.revision ?? -1, position: last?.position ?? 0, replayed };
};
