import type { ServiceBroker } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { AuthConfig } from '../../infra/auth/from-config.ts';
import { tokenVerifierFromConfig } from '../../infra/auth/from-config.ts';
import { cachedVerifier } from '../../infra/auth/token-cache.ts';
import type { Authenticate } from '../context.ts';
import { createAuthenticator } from '../context.ts';
import { createUnitCheck } from './unit-check.ts';

/** Asks the directory, as the token's own actor, whether its unit is registered. */
const directoryLookup =
  (broker: ServiceBroker) =>
  async (unitId: string, actor: Actor): Promise<boolean> => {
    const known = await broker.call<string[], { ids: string[] }>(
      'directory.knownUnits',
      { ids: [unitId] },
      { meta: { actor } },
    );
    return known.includes(unitId);
  };

/**
 * The gateway's authentication as configured: tokens verified against the
 * configured keys (cached until they expire), then a department head's unit
 * checked against the directory (found units cached for a minute).
 */
export const createGatewayAuthenticator = (
  broker: ServiceBroker,
  secret: string,
  config: AuthConfig,
): Authenticate =>
  createAuthenticator(
    cachedVerifier(tokenVerifierFromConfig(config, secret)),
    createUnitCheck(directoryLookup(broker)),
  );
