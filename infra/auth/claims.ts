import type { Actor, Role } from '../../contracts/actor.ts';
import { actsForUnit, humanRoles } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';

/** Where an identity provider puts the role and the unit; `role` and `unit` by default. */
export interface ClaimNames {
  roleClaim: string;
  unitClaim: string;
}

export const defaultClaimNames: ClaimNames = { roleClaim: 'role', unitClaim: 'unit' };

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A claim by name. Namespaced claim names often contain dots
 * (`https://id.gov.example/role`), so the literal name wins; only when it is
 * absent is the name read as a path into nested claims (`realm_access.role`).
 */
export const claimAt = (payload: Record<string, unknown>, name: string): unknown => {
  if (Object.hasOwn(payload, name)) return payload[name];
  let current: unknown = payload;
  for (const part of name.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
};

const isHumanRole = (value: unknown): value is (typeof humanRoles)[number] =>
  typeof value === 'string' && (humanRoles as readonly string[]).includes(value);

/**
 * The role a token claims: a string, or a list holding exactly one of our roles
 * (providers often list every group a person is in). Two of our roles at once
 * would make the actor ambiguous, so such a token is refused.
 */
const roleFrom = (claim: unknown, name: string): Role => {
  const candidates = Array.isArray(claim) ? claim.filter(isHumanRole) : [claim];
  const [role] = candidates;
  if (candidates.length !== 1 || !isHumanRole(role)) {
    throw unauthenticated(`token ${name} must be one of ${humanRoles.join(', ')}`);
  }
  return role;
};

/**
 * The actor a verified token's claims name, or UNAUTHENTICATED saying what is
 * missing. The unit claim counts on a department head's token only.
 */
export const actorFromClaims = (
  payload: Record<string, unknown>,
  names: ClaimNames = defaultClaimNames,
): Actor => {
  const role = roleFrom(claimAt(payload, names.roleClaim), names.roleClaim);
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw unauthenticated('token has no subject');
  }
  const unitClaim = claimAt(payload, names.unitClaim);
  const unit = typeof unitClaim === 'string' && unitClaim !== '' ? unitClaim : undefined;
  if (actsForUnit({ role }) && !unit) {
    throw unauthenticated(`a ${role} token names its unit`);
  }
  const actor: Actor = { id: payload.sub, role };
  // Only a department head or a liaison acts for a unit: on any other token the claim
  // is ignored, so an office or a leader never acts "as" a unit.
  if (unit && actsForUnit({ role })) actor.unitId = unit;
  if (typeof payload.name === 'string') actor.name = payload.name;
  return actor;
};
