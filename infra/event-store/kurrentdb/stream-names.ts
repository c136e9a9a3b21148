/**
 * The store's streams in KurrentDB are named `${prefix}${streamId}`. Without a
 * prefix the store is every non-system stream of the database; with one, several
 * stores (tenants, test runs) share a server without seeing each other's events.
 */
export interface StreamNaming {
  prefix: string;
}

/**
 * A prefix is empty, or one name ended by `/` with no other `/` in it
 * (`district-7/`). Delimited so, no store's prefix begins another's: without the
 * delimiter a store `district-1` would take the streams of `district-10` for
 * its own (`district-10task-1` read as its stream `0task-1`). It must not make
 * the store's streams system streams (`$…`).
 */
export function assertPrefix(prefix: string): void {
  const delimited = typeof prefix === 'string' && /^[^/$\0][^/\0]*\/$/.test(prefix);
  if (prefix !== '' && !delimited) {
    throw new TypeError(
      `KurrentDB stream prefix ${JSON.stringify(prefix)} is not valid: it must be empty, or a name ` +
        'not starting with $ and ended by one / (no other /), e.g. "district-7/"',
    );
  }
}

/** The KurrentDB stream of a port stream id; `$…` ids are KurrentDB's own and refused. */
export function kurrentStreamName(naming: StreamNaming, streamId: string): string {
  if (streamId.startsWith('$')) {
    throw new Error(`stream id ${streamId}: ids starting with $ are KurrentDB system streams`);
  }
  return `${naming.prefix}${streamId}`;
}

/**
 * The port stream id of a KurrentDB stream, or undefined when the stream is not
 * the store's (a system stream, or outside its prefix). Applied to everything
 * read from `$all`, whatever the server-side filter let through.
 */
export function ownStreamId(naming: StreamNaming, stream: string): string | undefined {
  if (stream.startsWith('$') || !stream.startsWith(naming.prefix)) return undefined;
  const streamId = stream.slice(naming.prefix.length);
  return streamId.length === 0 || streamId.startsWith('$') ? undefined : streamId;
}

/** Regular expression (.NET syntax, run by the server) for the `$all` filter without a prefix. */
export const NON_SYSTEM_STREAMS = '^[^$]';

/**
 * The server-side `$all` filter of a store, a regular expression on stream names
 * (.NET syntax): its prefix, or, without one, every non-system stream. What it
 * lets through is checked again client-side (`ownStreamId`).
 */
export function streamFilterRegex(naming: StreamNaming): string {
  if (naming.prefix === '') return NON_SYSTEM_STREAMS;
  return `^${naming.prefix.replace(/[.*+?^${}()|[\]\\#\s-]/g, '\\$&')}`;
}
