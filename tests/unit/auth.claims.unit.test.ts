import { DomainError } from '../../contracts/errors.ts';
import { actorFromClaims, claimAt } from '../../infra/auth/claims.ts';

const refusal = (
  payload: Record<string, unknown>,
  names?: Parameters<typeof actorFromClaims>[1],
) => {
  try {
    actorFromClaims(payload, names);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the claims to be refused');
};

describe('a claim looked up by name', () => {
  it('is found under its literal name, dots and all', () => {
    expect(
      claimAt({ 'https://id.gov.example/role': 'leader' }, 'https://id.gov.example/role'),
    ).toBe('leader');
  });

  it('is found along a dotted path when no claim has the literal name', () => {
    expect(claimAt({ realm: { access: { role: 'office' } } }, 'realm.access.role')).toBe('office');
  });

  it('is absent when the path leaves the objects', () => {
    expect(claimAt({ realm: 'flat' }, 'realm.role')).toBeUndefined();
    expect(claimAt({}, 'toString')).toBeUndefined();
  });
});

describe('the actor named by verified claims', () => {
  it('takes its role from a list holding exactly one of our roles', () => {
    expect(actorFromClaims({ sub: 'l-1', role: ['staff', 'leader', 'vpn-users'] })).toEqual({
      id: 'l-1',
      role: 'leader',
    });
  });

  it('is refused when the list holds two of our roles', () => {
    const error = refusal({ sub: 'x', role: ['leader', 'inspector'] });
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('role must be one of');
  });

  it('is refused when the configured role claim is absent', () => {
    const error = refusal({ sub: 'x', role: 'office' }, { roleClaim: 'groups', unitClaim: 'unit' });
    expect(error.message).toBe(
      'token groups must be one of office, department_head, leader, inspector, liaison',
    );
  });

  it('reads the unit from the configured claim', () => {
    expect(
      actorFromClaims(
        { sub: 'h-1', role: 'department_head', dept: 'env', unit: 'edu' },
        { roleClaim: 'role', unitClaim: 'dept' },
      ),
    ).toEqual({ id: 'h-1', role: 'department_head', unitId: 'env' });
  });

  it('ignores a unit claim on any token but a department head’s', () => {
    for (const role of ['office', 'leader', 'inspector']) {
      expect(actorFromClaims({ sub: 'p-1', role, unit: 'edu' })).toEqual({ id: 'p-1', role });
    }
  });

  it('refuses a department head whose unit claim is empty', () => {
    expect(refusal({ sub: 'h-1', role: 'department_head', unit: '' }).message).toContain('unit');
  });

  it('refuses an empty subject', () => {
    expect(refusal({ sub: '', role: 'office' }).message).toBe('token has no subject');
  });
});
