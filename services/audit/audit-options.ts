import path from 'node:path';
import type { Config } from '../../infra/config/config.ts';
import { loadPreviousSigningKey, loadSigningKeyInCustody } from '../../infra/keys/signing-key.ts';
import { storeConfigOf } from '../../infra/stores/stores.ts';
import type { AuditOptions } from './audit-runtime.ts';

/**
 * The audit service's own dependencies from configuration. Loads (outside
 * production, on first start, generates) the signing key now, so a bad key
 * file, or in production one kept carelessly, stops start-up.
 */
export const auditOptions = (config: Readonly<Config>): AuditOptions => ({
  auditDatabasePath: path.join(config.dataDir, 'audit.sqlite'),
  signingKey: loadSigningKeyInCustody(config.auditSigningKeyFile, config),
  previousSigningKey:
    config.auditPreviousSigningKeyFile === null
      ? null
      : loadPreviousSigningKey(config.auditPreviousSigningKeyFile, config),
  auditOrigin: config.auditOrigin,
  witnesses: { keys: config.auditWitnessKeys, quorum: config.auditWitnessQuorum },
  ...(config.auditCheckWorker ? { checkStores: storeConfigOf(config) } : {}),
  selfCheckSeconds: config.auditSelfCheckSeconds,
  fullCheckSeconds: config.auditFullCheckSeconds,
  readTallySeconds: config.auditReadTallySeconds,
  auditSignEvery: config.auditSignEvery,
  auditSignSeconds: config.auditSignSeconds,
});
