import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CryptoKey, KeyObject } from 'jose';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { issuerKeyFromPem, loadIssuerKey } from '../../infra/auth/public-key.ts';
import type { TokenPolicy } from '../../infra/auth/verifier.ts';
import { createTokenVerifier, embeddedPolicy } from '../../infra/auth/verifier.ts';
import { ConfigError } from '../../infra/config/config.ts';
import { tokenRefusal as refusal } from './support/token-refusal.ts';

const policy: TokenPolicy = {
  ...embeddedPolicy,
  issuer: 'https://id.gov.example',
  audience: 'dubanju',
};
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

interface Signer {
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey | KeyObject;
  pem: string;
}

const signer = async (alg: Signer['alg']): Promise<Signer> => {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, privateKey, pem: await exportSPKI(publicKey) };
};

const sign = (
  key: Signer,
  claims: Record<string, unknown> = { role: 'leader' },
  edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
) =>
  edit(
    new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, typ: 'JWT' })
      .setSubject('leader-1')
      .setIssuer(policy.issuer)
      .setAudience(policy.audience)
      .setIssuedAt()
      .setExpirationTime('10m'),
  ).sign(key.privateKey);

describe.each(['RS256', 'ES256'] as const)(
  'a token from an issuer with an %s public key',
  (alg) => {
    let issuer: Signer;
    let verify: (token: string) => Promise<unknown>;

    beforeAll(async () => {
      issuer = await signer(alg);
      verify = createTokenVerifier({ kind: 'pem', key: issuerKeyFromPem(issuer.pem) }, policy);
    });

    it('verifies to the actor it names', async () => {
      await expect(verify(await sign(issuer))).resolves.toEqual({ id: 'leader-1', role: 'leader' });
    });

    it('is refused when signed with another key of the same type', async () => {
      const stranger = await signer(alg);
      const error = await refusal(verify, await sign(stranger));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toContain('signature');
    });

    it('is refused when it claims alg none', async () => {
      const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
        sub: 'leader-1',
        role: 'leader',
        iss: policy.issuer,
        aud: policy.audience,
        exp: now() + 600,
      })}.`;
      const error = await refusal(verify, token);
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toContain('algorithm');
    });

    it('is refused when "signed" with HS256 using the public key as the secret', async () => {
      const token = await new SignJWT({ role: 'office' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('forger')
        .setIssuer(policy.issuer)
        .setAudience(policy.audience)
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(issuer.pem));
      const error = await refusal(verify, token);
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toContain('algorithm');
    });

    it('is refused when signed by a key of the other type', async () => {
      const other = await signer(alg === 'RS256' ? 'ES256' : 'RS256');
      const error = await refusal(verify, await sign(other));
      expect(error.message).toContain('algorithm');
    });

    it.each([
      ['another issuer', (jwt: SignJWT) => jwt.setIssuer('https://elsewhere.example'), 'iss'],
      ['another audience', (jwt: SignJWT) => jwt.setAudience('other-app'), 'aud'],
    ])('is refused when issued by or for %s', async (_, edit, claim) => {
      const error = await refusal(verify, await sign(issuer, { role: 'leader' }, edit));
      expect(error.message).toContain(claim);
    });
  },
);

describe('an issuer key that cannot serve', () => {
  it.each([
    [
      'an RSA key shorter than 2048 bits',
      () => generateKeyPairSync('rsa', { modulusLength: 1024 }),
    ],
    ['a P-384 key', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['an Ed25519 key', () => generateKeyPairSync('ed25519')],
  ])('is refused: %s', (_, generate) => {
    const pem = generate().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => issuerKeyFromPem(pem)).toThrow(ConfigError);
  });

  it('is refused when the file holds a private key', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => issuerKeyFromPem(pem)).toThrow(/private key/);
  });

  it('is refused when the text is no key at all', () => {
    expect(() => issuerKeyFromPem('not a key')).toThrow(/PEM public key/);
  });
});

describe('the issuer key file named by AUTH_PUBLIC_KEY_FILE', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dubanju-pem-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read once and allows exactly the algorithm of its key type', () => {
    const file = path.join(dir, 'issuer.pem');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    expect(loadIssuerKey(file).algorithms).toEqual(['RS256']);
  });

  it('stops start-up naming the variable when missing', () => {
    expect(() => loadIssuerKey(path.join(dir, 'absent.pem'))).toThrow(
      /AUTH_PUBLIC_KEY_FILE=.*absent\.pem: cannot be read \(ENOENT\)/,
    );
  });
});
