import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { TokenPolicy } from '../../infra/auth/verifier.ts';
import {
  createTokenVerifier,
  embeddedPolicy,
  KeysUnavailableError,
} from '../../infra/auth/verifier.ts';
import { tokenRefusal as refusal } from './support/token-refusal.ts';

const policy: TokenPolicy = { ...embeddedPolicy, issuer: 'https://id.gov.example' };

interface IssuerKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

const issuerKey = async (kid: string, alg: IssuerKey['alg']): Promise<IssuerKey> => {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
};

const sign = (key: IssuerKey, claims: Record<string, unknown>, kid: string | null = key.kid) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, ...(kid ? { kid } : {}) })
    .setSubject(String(claims.sub ?? 'someone'))
    .setIssuer(policy.issuer)
    .setAudience(policy.audience)
    .setExpirationTime('10m')
    .sign(key.privateKey);

/** A JWKS endpoint on the loopback interface, counting how often it is fetched. */
const jwksServer = async (keys: () => JWK[]) => {
  let fetches = 0;
  const server: Server = createServer((_, response) => {
    fetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: keys() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('tokens verified against an issuer’s JWKS', () => {
  let rsa: IssuerKey;
  let ec: IssuerKey;
  let published: JWK[];
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let verify: (token: string) => Promise<unknown>;

  beforeAll(async () => {
    rsa = await issuerKey('rsa-1', 'RS256');
    ec = await issuerKey('ec-1', 'ES256');
    jwks = await jwksServer(() => published);
  });
  beforeEach(() => {
    published = [rsa.jwk, ec.jwk];
    verify = createTokenVerifier({ kind: 'jwks', url: jwks.url }, policy);
  });
  afterAll(() => jwks.close());

  it.each(['RS256', 'ES256'])('accept a %s token signed with a published key', async (alg) => {
    const key = alg === 'RS256' ? rsa : ec;
    const token = await sign(key, { sub: 'inspector-7', role: 'inspector' });
    await expect(verify(token)).resolves.toEqual({ id: 'inspector-7', role: 'inspector' });
  });

  it('fetch the key set once for many tokens', async () => {
    const before = jwks.fetches();
    for (const sub of ['a', 'b', 'c']) {
      await verify(await sign(rsa, { sub, role: 'leader' }));
    }
    expect(jwks.fetches() - before).toBe(1);
  });

  it('refuse a token signed with a key the issuer does not publish', async () => {
    const stranger = await issuerKey('rsa-1', 'RS256');
    const error = await refusal(verify, await sign(stranger, { sub: 'x', role: 'office' }));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('signature');
  });

  it('refuse a token naming a key id the set does not hold', async () => {
    const error = await refusal(
      verify,
      await sign(rsa, { sub: 'x', role: 'office' }, 'retired-key'),
    );
    expect(error.message).toContain('does not publish');
  });

  it('refuse HS256 even with a secret that happens to match', async () => {
    const token = await new SignJWT({ role: 'office' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('forger')
      .setIssuer(policy.issuer)
      .setAudience(policy.audience)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JSON.stringify(rsa.jwk)));
    const error = await refusal(verify, token);
    expect(error.message).toContain('algorithm');
  });

  it('map the role and unit from configured claims', async () => {
    const mapped = createTokenVerifier(
      { kind: 'jwks', url: jwks.url },
      { ...policy, roleClaim: 'https://id.gov.example/roles', unitClaim: 'org.unit_code' },
    );
    const token = await sign(rsa, {
      sub: 'head-9',
      'https://id.gov.example/roles': ['staff', 'department_head'],
      org: { unit_code: 'edu' },
    });
    await expect(mapped(token)).resolves.toEqual({
      id: 'head-9',
      role: 'department_head',
      unitId: 'edu',
    });
  });
});

describe('an issuer whose JWKS cannot be reached', () => {
  it('makes verification fail as unavailable, not as a bad token', async () => {
    const gone = await jwksServer(() => []);
    await gone.close();
    const key = await issuerKey('k', 'ES256');
    const verify = createTokenVerifier({ kind: 'jwks', url: gone.url }, policy);
    await expect(verify(await sign(key, { sub: 'x', role: 'leader' }))).rejects.toBeInstanceOf(
      KeysUnavailableError,
    );
  });
});
