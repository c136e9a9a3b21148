import { SignJWT } from 'jose';
import type { DomainError } from '../../contracts/errors.ts';
import type { TokenClaims } from '../../infra/auth/tokens.ts';
import { signToken, verifyToken } from '../../infra/auth/tokens.ts';
import { embeddedPolicy } from '../../infra/auth/verifier.ts';
import { tokenRefusal } from './support/token-refusal.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const otherSecret = 'another-secret-that-is-long-enough-9876543210';

const refusal = (token: string, key = secret): Promise<DomainError> =>
  tokenRefusal((candidate) => verifyToken(key, candidate), token);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed with the right secret but claims set by hand. */
const handMade = (payload: Record<string, unknown>) =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('dubanju')
    .setAudience('dubanju')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));

describe('a signed token', () => {
  it('verifies to the actor it names', async () => {
    const token = await signToken(secret, {
      sub: 'head-1',
      role: 'department_head',
      unit: 'education-bureau',
      name: 'Director Wang',
    });
    await expect(verifyToken(secret, token)).resolves.toEqual({
      id: 'head-1',
      role: 'department_head',
      unitId: 'education-bureau',
      name: 'Director Wang',
    });
  });

  it.each<TokenClaims['role']>(['office', 'leader', 'inspector'])(
    'of a %s needs no unit',
    async (role) => {
      const token = await signToken(secret, { sub: `${role}-1`, role });
      await expect(verifyToken(secret, token)).resolves.toEqual({ id: `${role}-1`, role });
    },
  );

  it('is a three-part JWT', async () => {
    const token = await signToken(secret, { sub: 'office-1', role: 'office' });
    expect(token.split('.')).toHaveLength(3);
  });
});

describe('a token that is refused as UNAUTHENTICATED', () => {
  it('names a department head without a unit', async () => {
    const token = await signToken(secret, { sub: 'head-1', role: 'department_head' });
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('unit');
  });

  it('has expired longer ago than the clock skew allows', async () => {
    const past = Math.floor(Date.now() / 1000) - 31;
    const token = await signToken(secret, { sub: 'office-1', role: 'office' }, past);
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('expired');
  });

  it('was signed with another secret', async () => {
    const token = await signToken(otherSecret, { sub: 'office-1', role: 'office' });
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('signature');
  });

  it('carries no signature, claiming algorithm none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: 'office-1',
      role: 'office',
      iss: 'dubanju',
      aud: 'dubanju',
      iat: now,
      exp: now + 3600,
    })}.`;
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('algorithm');
  });

  it('has its payload changed after signing', async () => {
    const token = await signToken(secret, { sub: 'inspector-1', role: 'inspector' });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = `${header}.${base64url({ ...claims, role: 'office' })}.${signature}`;
    expect((await refusal(forged)).code).toBe('UNAUTHENTICATED');
  });

  it.each(['admin', 'system', 42])('claims the role %j', async (role) => {
    const token = await handMade({ sub: 'x-1', role });
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('role');
  });

  it('has no subject', async () => {
    const token = await handMade({ role: 'office' });
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it('was issued for another audience', async () => {
    const token = await new SignJWT({ role: 'office' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('office-1')
      .setIssuer('dubanju')
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it.each(['garbage', '', 'a.b.c', 'Bearer x'])('is the garbage %j', async (token) => {
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('malformed');
  });
});

describe('the clock skew allowed for exp and nbf', () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const strict = { ...embeddedPolicy, clockSkewSeconds: 0 };

  it('accepts a token that expired within the skew (30 s by default)', async () => {
    const token = await signToken(secret, { sub: 'office-1', role: 'office' }, nowSeconds() - 20);
    await expect(verifyToken(secret, token)).resolves.toEqual({ id: 'office-1', role: 'office' });
  });

  it('refuses the same token when no skew is configured', async () => {
    const token = await signToken(secret, { sub: 'office-1', role: 'office' }, nowSeconds() - 20);
    await expect(verifyToken(secret, token, strict)).rejects.toThrow('token has expired');
  });

  it('refuses a token not valid until later than the skew', async () => {
    const token = await new SignJWT({ role: 'office' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('office-1')
      .setIssuer('dubanju')
      .setAudience('dubanju')
      .setNotBefore(nowSeconds() + 120)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('token is not valid yet');
  });
});

describe('a token without an expiry', () => {
  it('is refused: every token must end', async () => {
    const token = await new SignJWT({ role: 'office' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('office-1')
      .setIssuer('dubanju')
      .setAudience('dubanju')
      .sign(new TextEncoder().encode(secret));
    expect((await refusal(token)).message).toBe('token has no exp claim');
  });
});

describe('the longest a token may live (AUTH_MAX_TOKEN_HOURS, 24 h by default)', () => {
  const lasting = (hours: number, issued = true) => {
    const jwt = new SignJWT({ role: 'office' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('office-1')
      .setIssuer('dubanju')
      .setAudience('dubanju')
      .setExpirationTime(`${hours}h`);
    return (issued ? jwt.setIssuedAt() : jwt).sign(new TextEncoder().encode(secret));
  };

  it('accepts a token valid for 24 hours', async () => {
    expect(await verifyToken(secret, await lasting(24))).toMatchObject({ role: 'office' });
  });

  it('refuses one valid until the year 9999, or for 25 hours, with or without iat', async () => {
    const far = await new SignJWT({ role: 'office' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('office-1')
      .setIssuer('dubanju')
      .setAudience('dubanju')
      .setIssuedAt()
      .setExpirationTime(253402300799)
      .sign(new TextEncoder().encode(secret));
    for (const token of [far, await lasting(25), await lasting(25, false)]) {
      expect((await refusal(token)).message).toBe(
        'token is valid for longer than 24 h (AUTH_MAX_TOKEN_HOURS)',
      );
    }
  });
});

describe('a token for a configured issuer and audience', () => {
  const policy = {
    ...embeddedPolicy,
    issuer: 'https://id.district.example',
    audience: 'supervision',
  };

  it('verifies when signed for them', async () => {
    const token = await signToken(secret, { sub: 'leader-1', role: 'leader' }, '1h', policy);
    await expect(verifyToken(secret, token, policy)).resolves.toEqual({
      id: 'leader-1',
      role: 'leader',
    });
  });

  it('is refused when signed for the defaults', async () => {
    const token = await signToken(secret, { sub: 'leader-1', role: 'leader' });
    await expect(verifyToken(secret, token, policy)).rejects.toThrow('token claim iss is invalid');
  });
});
