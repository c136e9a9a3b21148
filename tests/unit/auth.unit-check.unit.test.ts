import type { Actor } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';
import { createUnitCheck } from '../../gateway/hardening/unit-check.ts';

const head = (unitId: string): Actor => ({ id: `head-${unitId}`, role: 'department_head', unitId });

describe('the unit named by a department head’s token', () => {
  let now: number;
  let registered: Set<string>;
  let lookups: string[];
  const check = () =>
    createUnitCheck(
      async (unitId) => {
        lookups.push(unitId);
        return registered.has(unitId);
      },
      { ttlMs: 60_000, now: () => now },
    );

  beforeEach(() => {
    now = 0;
    registered = new Set(['edu']);
    lookups = [];
  });

  it('passes when the directory holds it', async () => {
    await expect(check()(head('edu'))).resolves.toBeUndefined();
  });

  it('is refused as UNAUTHENTICATED when the directory does not hold it', async () => {
    const error = await check()(head('ghost')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'unit ghost of the token is not in the directory',
    });
  });

  it('is looked up once a minute while found', async () => {
    const unitCheck = check();
    await unitCheck(head('edu'));
    now = 59_999;
    await unitCheck(head('edu'));
    expect(lookups).toEqual(['edu']);
    now = 60_000;
    await unitCheck(head('edu'));
    expect(lookups).toEqual(['edu', 'edu']);
  });

  it('is looked up every time while missing, so a registration counts at once', async () => {
    const unitCheck = check();
    await expect(unitCheck(head('env'))).rejects.toThrow('not in the directory');
    registered.add('env');
    await expect(unitCheck(head('env'))).resolves.toBeUndefined();
    expect(lookups).toEqual(['env', 'env']);
  });

  it('is not asked about for roles without a unit', async () => {
    const unitCheck = check();
    for (const role of ['office', 'leader', 'inspector'] as const) {
      await unitCheck({ id: role, role });
    }
    expect(lookups).toEqual([]);
  });
});
