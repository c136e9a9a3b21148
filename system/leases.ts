import type { ServiceBroker } from 'moleculer';
import { type Config, leasedServices } from '../infra/config/config.ts';
import { alwaysLeading, createLeadership } from '../infra/leadership/leadership.ts';
import { openLeaseStore } from '../infra/lease/open-lease-store.ts';
import type { LeaseStore } from '../infra/lease/port.ts';
import { natsOptions } from '../moleculer.config.ts';
import type { Campaign } from './services.ts';

/** The lease store, when this process runs a service with a leased role. */
export const openLeases = (config: Readonly<Config>): LeaseStore | null =>
  config.services.some((name) => leasedServices.includes(name))
    ? openLeaseStore(config.lease.store, {
        dataDir: config.dataDir,
        nats: natsOptions(config),
        eventStoreUrl: config.eventStoreUrl,
      })
    : null;

/** Each lease's holder is this process: node id and broker instance, unique across restarts. */
export const campaigns =
  (config: Readonly<Config>, broker: ServiceBroker, leases: LeaseStore | null): Campaign =>
  (name) =>
    leases
      ? createLeadership({
          store: leases,
          name,
          holder: `${broker.nodeID}/${broker.instanceID}`,
          ttlMs: config.lease.ttlMs,
          renewMs: config.lease.renewMs,
          logger: broker.getLogger('lease'),
        })
      : alwaysLeading();
