import path from 'node:path';
import type { ConnectionOptions } from 'nats';
import { openNatsKvLeaseStore } from './nats/nats-kv-lease-store.ts';
import type { LeaseStore } from './port.ts';
import { openPostgresLeaseStore } from './postgres/postgres-lease-store.ts';
import { openSqliteLeaseStore } from './sqlite/sqlite-lease-store.ts';

/**
 * Where leases live: nowhere (one process), beside the embedded stores (one
 * host), in NATS, or beside the events in PostgreSQL.
 */
export type LeaseStoreKind = 'none' | 'embedded' | 'nats' | 'postgres';

/**
 * The lease store chosen by LEASE_STORE; null for `none`, where one process runs
 * every role and nothing needs electing.
 */
export const openLeaseStore = (
  kind: LeaseStoreKind,
  options: { dataDir: string; nats: ConnectionOptions | null; eventStoreUrl?: string | null },
): LeaseStore | null => {
  switch (kind) {
    case 'none':
      return null;
    case 'embedded':
      return openSqliteLeaseStore({ path: path.join(options.dataDir, 'leases.sqlite') });
    case 'nats':
      if (!options.nats) throw new Error('LEASE_STORE=nats: needs TRANSPORTER=nats://…');
      return openNatsKvLeaseStore({ connection: options.nats });
    case 'postgres':
      if (!options.eventStoreUrl) throw new Error('LEASE_STORE=postgres: needs EVENT_STORE_URL');
      return openPostgresLeaseStore({ connectionString: options.eventStoreUrl });
    default: {
      const _exhaustive: never = kind;
      throw new Error(`unknown lease store ${String(_exhaustive)}`);
    }
  }
};
