import { type Actor, actsForUnit } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';

export interface UnitCheckOptions {
  /** How long a unit found in the directory is trusted without asking again. */
  ttlMs?: number;
  now?: () => number;
  maxEntries?: number;
}

/** Asks the directory whether a unit is registered, on behalf of the actor presenting it. */
export type UnitLookup = (unitId: string, actor: Actor) => Promise<boolean>;

/**
 * A department head's (or liaison's) token names a unit; a unit the directory does not hold
 * would let the token act for nobody (or for a unit registered later under that
 * id), so the token is refused. Units found are remembered briefly; a unit not
 * found is asked about again each time, so registering it takes effect at once.
 */
export const createUnitCheck = (lookup: UnitLookup, options: UnitCheckOptions = {}) => {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const known = new Map<string, number>();

  return async (actor: Actor): Promise<void> => {
    const unitId = actor.unitId;
    if (!actsForUnit(actor) || !unitId) return;
    const until = known.get(unitId);
    if (until !== undefined && until > now()) return;
    known.delete(unitId);
    if (!(await lookup(unitId, actor))) {
      throw new DomainError(
        'UNAUTHENTICATED',
        `unit ${unitId} of the token is not in the directory`,
      );
    }
    if (known.size >= maxEntries) known.delete(known.keys().next().value ?? unitId);
    known.set(unitId, now() + ttlMs);
  };
};

export type UnitCheck = ReturnType<typeof createUnitCheck>;
