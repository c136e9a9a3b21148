/**
 * The store's streams in KurrentDB are named `${prefix}${streamId}`. Without a
 * prefix the store is every non-system stream of the database; with one, several
 * stores (tenants, test runs) share a server without seeing each other's events.
 */
export interface StreamNaming {
  prefix: string;
}

/** A prefix must not make the store's streams system streams (`$…`). */
export function assertPrefix(prefix: string): void {
  if (typeof prefix !== 'string' || prefix.startsWith('$') || prefix.includes('\0')) {
    throw new TypeError(`KurrentDB stream prefix ${JSON.stringify(prefix)} is not valid`);
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
