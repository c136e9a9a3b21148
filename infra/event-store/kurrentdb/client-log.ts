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
import type { KurrentLog, LogRecord, LogRecordData } from './kurrent-log.ts';
import { actualRevisionOf } from './revisions.ts';
import { NON_SYSTEM_STREAMS, type StreamNaming } from './stream-names.ts';

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
    position: event.position,
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

/** The `KurrentLog` of a KurrentDB (or EventStoreDB ≥ 22.6) server, by connection string. */
export function openClientLog(connectionString: string, naming: StreamNaming): KurrentLog {
  const client = KurrentDBClient.connectionString(normaliseConnectionString(connectionString));
  // Server-side, system streams (or streams outside the prefix) never cross the wire.
  const filter =
    naming.prefix === ''
      ? streamNameFilter({ regex: NON_SYSTEM_STREAMS })
      : streamNameFilter({ prefixes: [naming.prefix] });

  return {
    async append(stream, records, state) {
      try {
        const result = await client.appendToStream(stream, records.map(toEventData), {
          ...onLeader,
          streamState: state,
        });
        return { ok: true, nextRevision: Number(result.nextExpectedRevision) };
      } catch (error) {
        if (typeOf(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
          const { maxAppendSize } = error as { maxAppendSize: number };
          throw validationError(
            'events',
            `must be at most ${maxAppendSize} bytes in one append (the server's MaxAppendSize)`,
          );
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
        if (typeOf(error) === ErrorType.STREAM_NOT_FOUND) return [];
        throw error;
      }
    },
    readAll(from, maxCount) {
      return collect(
        client.readAll({ ...onLeader, fromPosition: from ?? START, maxCount, filter }),
      );
    },
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
