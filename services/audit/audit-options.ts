import path from 'node:path';
import type { Config } from '../../infra/config/config.ts';
import type { AuditOptions } from './audit-runtime.ts';
import { loadOrCreateSigningKey } from './signing-key.ts';

/**
 * The audit service's own dependencies from configuration. Loads (or, on first
 * start, generates) the signing key now, so a bad key file stops start-up.
 */
export const auditOptions = (config: Readonly<Config>): AuditOptions => ({
  auditDatabasePath: path.join(config.dataDir, 'audit.sqlite'),
  signingKey: loadOrCreateSigningKey(config.auditSigningKeyFile),
  auditOrigin: config.auditOrigin,
  auditSignEvery: config.auditSignEvery,
  auditSignSeconds: config.auditSignSeconds,
});
