import { decodeJwt } from 'jose';
import type { Actor } from '../../contracts/actor.ts';

/**
 * Remembers tokens already verified, until they expire, so a busy client does
 * not pay for a signature check on every request. Only verified tokens enter;
 * an expired entry is verified again (and so refused with the verifier's reason).
 */
export const cachedVerifier = (
  verify: (token: string) => Promise<Actor>,
  options: { maxEntries?: number; now?: () => number } = {},
) => {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { actor: Actor; expiresAt: number }>();
  return async (token: string): Promise<Actor> => {
    const hit = entries.get(token);
    if (hit && hit.expiresAt > now()) return hit.actor;
    entries.delete(token);
    const actor = await verify(token);
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? '');
      entries.set(token, { actor, expiresAt: exp * 1000 });
    }
    return actor;
  };
};
