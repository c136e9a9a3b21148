import type { ConnectionOptions, KV, KvEntry, NatsConnection } from 'nats';
import { JSONCodec, connect as natsConnect } from 'nats';
import type { Lease, LeaseStore } from '../port.ts';

export interface NatsKvLeaseStoreOptions {
  /** Servers, credentials and TLS: the transporter's own (see `natsOptions`). */
  connection: ConnectionOptions;
  /** JetStream key-value bucket holding one key per lease. */
  bucket?: string;
  /** A monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

/** What the bucket stores under a lease's name. */
interface LeaseRecord {
  holder: string;
  term: number;
  ttlMs: number;
  released?: boolean;
}

const codec = JSONCodec<LeaseRecord>();

/** JetStream's answer to a compare-and-set on a revision that moved: another node went first. */
const lostRace = (error: unknown): boolean =>
  (error as { api_error?: { err_code?: number } }).api_error?.err_code === 10071 ||
  /wrong last sequence/i.test(String((error as Error).message));

/**
 * Leases in a NATS JetStream key-value bucket: for nodes on several hosts, over
 * the NATS they already share (the server needs JetStream, `nats-server -js`).
 * Writes are compare-and-set on the key's revision. Expiry is judged by
 * observation, as Kubernetes' leader election does, so no two hosts' clocks are
 * ever compared: a candidate that sees the same revision unchanged for the
 * holder's whole time to live, on its own monotonic clock, may take it over.
 */
export const openNatsKvLeaseStore = (options: NatsKvLeaseStoreOptions): LeaseStore => {
  const now = options.now ?? (() => performance.now());
  const bucket = options.bucket ?? 'dubanju-leases';
  const seen = new Map<string, { revision: number; since: number }>();
  let opened: Promise<{ nc: NatsConnection; kv: KV }> | null = null;

  /** The bucket, created on first use; when another node created it at the same moment, theirs. */
  const bucketOf = async (nc: NatsConnection): Promise<KV> => {
    try {
      return await nc.jetstream().views.kv(bucket, { history: 1 });
    } catch (error) {
      if (!/subjects overlap|already in use/i.test((error as Error).message)) throw error;
      return nc.jetstream().views.kv(bucket, { history: 1, bindOnly: true });
    }
  };

  const open = () => {
    opened ??= (async () => {
      const nc = await natsConnect(options.connection);
      const kv = await bucketOf(nc);
      return { nc, kv };
    })().catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };

  /** True once this node has seen `entry` unchanged for its holder's whole time to live. */
  const lapsed = (name: string, entry: KvEntry, record: LeaseRecord): boolean => {
    const observed = seen.get(name);
    if (observed?.revision !== entry.revision) {
      seen.set(name, { revision: entry.revision, since: now() });
      return false;
    }
    return now() - observed.since >= record.ttlMs;
  };

  const write = async (write: () => Promise<number>, lease: Lease): Promise<Lease | null> => {
    try {
      await write();
      return lease;
    } catch (error) {
      if (lostRace(error)) return null;
      throw error;
    }
  };

  const live = (entry: KvEntry | null): LeaseRecord | null =>
    entry && entry.operation === 'PUT' ? codec.decode(entry.value) : null;

  return {
    async acquire(name, holder, ttlMs) {
      const { kv } = await open();
      const entry = await kv.get(name);
      const record = live(entry);
      if (!entry || !record) {
        const lease = { name, holder, term: 1, ttlMs };
        return write(() => kv.create(name, codec.encode({ holder, term: 1, ttlMs })), lease);
      }
      const renewal = record.holder === holder && !record.released;
      if (!renewal && !record.released && !lapsed(name, entry, record)) return null;
      const term = renewal ? record.term : record.term + 1;
      const next: LeaseRecord = { holder, term, ttlMs };
      return write(() => kv.update(name, codec.encode(next), entry.revision), { name, ...next });
    },
    async release(name, holder) {
      const { kv } = await open();
      const entry = await kv.get(name);
      const record = live(entry);
      if (!entry || !record || record.holder !== holder || record.released) return;
      const released = codec.encode({ ...record, released: true });
      await write(() => kv.update(name, released, entry.revision), { name, ...record });
    },
    async current(name) {
      const { kv } = await open();
      const entry = await kv.get(name);
      const record = live(entry);
      if (!entry || !record || record.released || lapsed(name, entry, record)) return null;
      return { name, holder: record.holder, term: record.term, ttlMs: record.ttlMs };
    },
    async close() {
      const current = opened;
      opened = null;
      const { nc } = (await current?.catch(() => null)) ?? {};
      await nc?.close();
    },
  };
};
