import type { Actor } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';
import { cachedVerifier } from '../../infra/auth/token-cache.ts';
import { signToken } from '../../infra/auth/tokens.ts';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('a verified token presented again', () => {
  let now: number;
  let calls: number;
  const actor: Actor = { id: 'office', role: 'office' };
  let verify: (token: string) => Promise<Actor>;
  const fresh = () =>
    cachedVerifier(
      async () => {
        calls++;
        if (now >= expiresAt * 1000) throw new DomainError('UNAUTHENTICATED', 'token has expired');
        return actor;
      },
      { now: () => now, maxEntries: 2 },
    );
  let expiresAt: number;
  let token: string;

  beforeEach(async () => {
    verify = fresh();
    calls = 0;
    now = Date.now();
    expiresAt = Math.floor(now / 1000) + 60;
    token = await signToken(secret, { sub: 'office', role: 'office' }, expiresAt);
  });

  it('is not verified twice before it expires', async () => {
    expect(await verify(token)).toBe(actor);
    expect(await verify(token)).toBe(actor);
    expect(calls).toBe(1);
  });

  it('is verified again once expired, and refused', async () => {
    await verify(token);
    now = expiresAt * 1000 + 1;
    await expect(verify(token)).rejects.toThrow('token has expired');
    expect(calls).toBe(2);
  });

  it('is never remembered when verification fails', async () => {
    now = expiresAt * 1000 + 1;
    await expect(verify(token)).rejects.toThrow();
    await expect(verify(token)).rejects.toThrow();
    expect(calls).toBe(2);
  });

  it('forgets the oldest entry beyond the bound', async () => {
    const others = await Promise.all(
      ['a', 'b'].map((sub) => signToken(secret, { sub, role: 'leader' }, expiresAt)),
    );
    await verify(token);
    for (const other of others) await verify(other);
    await verify(token);
    expect(calls).toBe(4);
  });
});
