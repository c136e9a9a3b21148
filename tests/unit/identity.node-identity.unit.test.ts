import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type IdentitySettings,
  loadNodeIdentity,
  parseTrustedKey,
} from '../../infra/identity/node-identity.ts';
import { loadOrCreateSigningKey } from '../../infra/keys/signing-key.ts';

const secret = 'node-identity-unit-secret-0123456789abcdef';
const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = (more: Partial<IdentitySettings> = {}): IdentitySettings => ({
  nodeKeyFile: null,
  nodeTrustedKeys: [],
  transporter: 'none',
  production: false,
  dataDir: path.join(dir, 'data'),
  ...more,
});

const entryFor = (file: string, name: string, may: string) =>
  `${name}:${may}:${loadOrCreateSigningKey(file).publicKeyRaw.toString('base64url')}`;

describe("a node's identity", () => {
  it('in one process is a key of its own that only it trusts, fresh each start', () => {
    const one = loadNodeIdentity(settings(), secret);
    const two = loadNodeIdentity(settings(), secret);
    expect(one.source).toBe('process');
    expect([...one.trusted.keys()]).toEqual([one.keyId]);
    expect(one.keyId).not.toBe(two.keyId);
  });

  it('on a development bus without keys is derived alike on every node from the shared secret', () => {
    const bus = settings({ transporter: 'nats://127.0.0.1:4222' });
    const one = loadNodeIdentity(bus, secret);
    expect(one.source).toBe('shared-secret');
    expect(loadNodeIdentity(bus, secret).keyId).toBe(one.keyId);
    expect(loadNodeIdentity(bus, `${secret}-other`).keyId).not.toBe(one.keyId);
  });

  it('in production on a bus needs a provisioned key, and says which setting', () => {
    expect(() =>
      loadNodeIdentity(settings({ transporter: 'nats://nats:4222', production: true }), secret),
    ).toThrow(/^NODE_KEY_FILE: required in production with a TRANSPORTER/);
  });

  it('with a key file trusts the listed keys, its own among them', () => {
    const own = path.join(dir, 'tasks.pem');
    const trusted = [
      entryFor(own, 'tasks', 'system+forward'),
      entryFor(path.join(dir, 'gw.pem'), 'gateway', 'person'),
    ];
    const identity = loadNodeIdentity(
      settings({ nodeKeyFile: own, nodeTrustedKeys: trusted }),
      secret,
    );
    expect(identity.source).toBe('provisioned');
    expect([...(identity.trusted.get(identity.keyId)?.may ?? [])]).toEqual(['system', 'forward']);
    expect(identity.trusted.size).toBe(2);
  });

  it('refuses a key file whose own key is not listed', () => {
    const own = path.join(dir, 'lonely.pem');
    const others = [entryFor(path.join(dir, 'gw2.pem'), 'gateway', 'person')];
    expect(() =>
      loadNodeIdentity(settings({ nodeKeyFile: own, nodeTrustedKeys: others }), secret),
    ).toThrow(/^NODE_TRUSTED_KEYS: does not list this node's own key/);
  });

  it('refuses a malformed trusted-key entry, naming the rule', () => {
    expect(() => parseTrustedKey('gateway:person')).toThrow(/must be name:capabilities:key/);
    expect(() => parseTrustedKey('gateway:root:AAAA')).toThrow(/unknown capability root/);
    expect(() => parseTrustedKey('gateway:person:AAAA')).toThrow(/must be 32 bytes/);
  });
});
