import {
  BACKWARDS,
  END,
  ErrorType,
  type EventData,
  FORWARDS,
  KurrentDBClient,
  type ResolvedEvent,
  START,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import { validationError } from '../../../contracts/errors.ts';
import {
  type AllRead,
  InvalidLogPositionError,
  type KurrentLog,
  type LogRecord,
  type LogRecordData,
  type LogSubscription,
  type SubscriptionHandlers,
} from './kurrent-log.ts';
import type { LogPosition } from './log-position.ts';
import { actualRevisionOf } from './revisions.ts';
import { type StreamNaming, streamFilterRegex } from './stream-names.ts';

/**
 * `esdb://` still works with the KurrentDB client but prints a deprecation
 * warning on every start; it means the same as `kurrentdb://`.
 */
export function normaliseConnectionString(url: string): string {
  return url.replace(/^esdb(\+discover)?:\/\//, 'kurrentdb$1://');
}

// Every call goes to the leader: an append must see the stream as it is, and a
// read after an append must see the append (followers may lag).
const onLeader = { requiresLeader: true } as const;

const typeOf = (error: unknown): unknown => (error as { type?: unknown } | null)?.type;

const isDeleted = (error: unknown): boolean =>
  typeOf(error) === ErrorType.STREAM_DELETED || typeOf(error) === ErrorType.STREAM_TOMBSTONED;

/**
 * KurrentDB answers a `$all` read from inside a record with `InvalidPosition`,
 * which reaches this client as an unknown error naming it (not seen against a
 * server here: matched on the name the server gives the result).
 */
const isInvalidPosition = (error: unknown): boolean =>
  typeOf(error) === ErrorType.UNKNOWN &&
  /invalid ?position/i.test(String((error as { message?: unknown }).message));

/**
 * The client's connection errors say little more than their type; a health check
 * (and the start-up line built on it) should say what to look at.
 */
export function explainClientError(error: unknown): Error {
  const hints: Record<string, string> = {
    [ErrorType.UNAVAILABLE]:
      'no KurrentDB node answers: server down, wrong host or port, or TLS settings (tls=…) that do not match the server',
    [ErrorType.DEADLINE_EXCEEDED]: 'KurrentDB did not answer in time',
    [ErrorType.ACCESS_DENIED]:
      'KurrentDB refused access: check the credentials of the connection string',
    [ErrorType.NOT_LEADER]: 'the node is not the cluster leader and none could be found',
  };
  const hint = hints[String(typeOf(error))];
  if (hint === undefined) return error instanceof Error ? error : new Error(String(error));
  return new Error(hint, { cause: error });
}

function toEventData(record: LogRecordData): EventData {
  // jsonEvent's types only admit object, array or string data; the client
  // serialises any JSON value the same way, and the batch was checked for JSON.
  return {
    id: record.id,
    contentType: 'application/json',
    type: record.type,
    data: record.data as Record<string, unknown>,
    metadata: record.metadata,
  } as EventData;
}

/** Where a resolved event is in `$all`: its own position, else the commit position read with it. */
function positionOf(resolved: ResolvedEvent): LogPosition | undefined {
  if (resolved.event?.position !== undefined) return resolved.event.position;
  const commit = resolved.commitPosition;
  return commit === undefined ? undefined : { commit, prepare: commit };
}

function toLogRecord(resolved: ResolvedEvent): LogRecord | undefined {
  const event = resolved.event;
  if (event === undefined) return undefined;
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: Number(event.revision),
    data: event.data,
    metadata: (event.metadata ?? {}) as Record<string, unknown>,
    position: positionOf(resolved),
  };
}

async function collect(events: AsyncIterable<ResolvedEvent>): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  for await (const resolved of events) {
    const record = toLogRecord(resolved);
    if (record !== undefined) records.push(record);
  }
  return records;
}

/**
 * How often a filtered subscription reports a checkpoint: every this many
 * windows of records read server-side (a window is 32 records unless the
 * server's `maxSearchWindow` says otherwise), whether or not any passed the filter.
 */
export const SUBSCRIPTION_CHECKPOINT_INTERVAL = 32;

/**
 * `subscribeToAll` with the store's filter, reported through `seen`: every
 * event, the filter's checkpoints, and its end (an error, or the stream ending
 * without `stop`) once, after which nothing more is reported.
 */
export function subscribeAll(
  client: Pick<KurrentDBClient, 'subscribeToAll'>,
  regex: string,
  from: LogPosition | 'end',
  seen: SubscriptionHandlers,
): LogSubscription {
  let live = true;
  const end = (error: unknown) => {
    if (!live) return;
    live = false;
    subscription.unsubscribe().catch(() => undefined);
    seen.dropped(error);
  };
  const subscription = client.subscribeToAll({
    ...onLeader,
    fromPosition: from === 'end' ? END : from,
    filter: streamNameFilter({
      regex,
      checkpointInterval: SUBSCRIPTION_CHECKPOINT_INTERVAL,
      checkpointReached: (_, position) => {
        if (live) seen.checkpoint(position);
      },
    }),
  });
  subscription
    .on('data', (resolved: ResolvedEvent) => {
      const record = toLogRecord(resolved);
      if (live && record !== undefined) seen.record(record);
    })
    .on('error', end)
    .on('end', () => end(new Error('KurrentDB ended the subscription to $all')))
    .on('close', () => end(new Error('the subscription to $all was closed')));
  return {
    stop() {
      if (!live) return;
      live = false;
      subscription.unsubscribe().catch(() => undefined);
    },
  };
}

/** The `KurrentLog` of a KurrentDB (or EventStoreDB ≥ 22.6) server, by connection string. */
export function openClientLog(connectionString: string, naming: StreamNaming): KurrentLog {
  const client = KurrentDBClient.connectionString(normaliseConnectionString(connectionString));
  // Server-side, system streams (or streams outside the prefix) never cross the wire.
  const regex = streamFilterRegex(naming);
  const filter = streamNameFilter({ regex });

  return {
    async append(stream, records, state) {
      try {
        const result = await client.appendToStream(stream, records.map(toEventData), {
          ...onLeader,
          streamState: state,
        });
        return {
          ok: true,
          nextRevision: Number(result.nextExpectedRevision),
          position: result.position,
        };
      } catch (error) {
        if (typeOf(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
          const { maxAppendSize } = error as { maxAppendSize: number };
          throw validationError(
            'events',
            `must be at most ${maxAppendSize} bytes in one append (the server's MaxAppendSize)`,
          );
        }
        if (isDeleted(error)) {
          throw new Error(`KurrentDB stream ${stream} is deleted: it takes no more events`, {
            cause: error,
          });
        }
        if (typeOf(error) !== ErrorType.WRONG_EXPECTED_VERSION) throw error;
        return {
          ok: false,
          actual: actualRevisionOf((error as { actualState: unknown }).actualState),
        };
      }
    },
    async readStream(stream, read) {
      const from =
        read.fromRevision === null ? (read.backwards ? END : START) : BigInt(read.fromRevision);
      try {
        return await collect(
          client.readStream(stream, {
            ...onLeader,
            fromRevision: from,
            direction: read.backwards ? BACKWARDS : FORWARDS,
            ...(read.limit === null ? {} : { maxCount: read.limit }),
          }),
        );
      } catch (error) {
        // A deleted stream reads as one that does not exist: its events are gone.
        if (typeOf(error) === ErrorType.STREAM_NOT_FOUND || isDeleted(error)) return [];
        throw error;
      }
    },
    async readAll(read: AllRead) {
      const { from, maxCount, backwards } = read;
      const fromPosition = from === 'start' ? START : from === 'end' ? END : from;
      const direction = backwards ? BACKWARDS : FORWARDS;
      try {
        return await collect(
          client.readAll({ ...onLeader, fromPosition, direction, maxCount, filter }),
        );
      } catch (error) {
        if (typeof from === 'object' && isInvalidPosition(error)) {
          throw new InvalidLogPositionError(from, error);
        }
        throw error;
      }
    },
    subscribeAll: (from, seen) => subscribeAll(client, regex, from, seen),
    async ping() {
      try {
        const last = { fromPosition: END, direction: BACKWARDS, maxCount: 1 } as const;
        for await (const _ of client.readAll(last)) break;
      } catch (error) {
        throw explainClientError(error);
      }
    },
    close: () => client.dispose(),
  };
}
