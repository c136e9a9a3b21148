import { verifyConsistency } from '../../domain/merkle/tree.ts';
import { parseCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { openNote, parseVerifierKey } from '../../domain/transparency/signed-note.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`;
const signTreeHead = 'mutation { signTreeHead { treeSize rootHash } }';
const publicKey = '{ auditPublicKey { publicKey } }';

type Head = { treeSize: number; rootHash: string };
type Proof = {
  from: number;
  to: number;
  fromRootHash: string;
  toRootHash: string;
  proof: string[];
};

describe('the audit log’s checkpoints, for witnesses without an account', () => {
  let sys: TestSystem;
  let office: string;
  let inspector: string;
  let units = 0;

  beforeAll(async () => {
    sys = await startTestSystem({
      AUDIT_SIGN_EVERY: '100000',
      AUDIT_SIGN_SECONDS: '3600',
      AUDIT_ORIGIN: 'duban.example.gov.cn/audit',
    });
    office = await sys.token('office');
    inspector = await sys.token('inspector');
  });
  afterAll(() => sys.stop());

  const get = (path: string) => fetch(`${sys.url}${path}`);
  const addUnits = async (count: number) => {
    for (let i = 0; i < count; i++) {
      units += 1;
      const result = await sys.gql(
        registerUnit,
        { input: { id: `u${units}`, name: `单位${units}` } },
        office,
      );
      expect(result.errors).toBeUndefined();
    }
  };
  const sign = async (): Promise<Head> => {
    const result = await sys.gql<{ signTreeHead: Head }>(signTreeHead, {}, inspector);
    expect(result.errors).toBeUndefined();
    return (result.data as { signTreeHead: Head }).signTreeHead;
  };

  it('answers 404 before the first head is signed', async () => {
    const response = await get('/audit/checkpoint');
    expect(response.status).toBe(404);
  });

  it('serves each signed head as a checkpoint the published key verifies, and proves the log only grew', async () => {
    // The verifier key a witness is configured with, checked against the key the API publishes.
    const keyResponse = await get('/audit/checkpoint/key');
    expect(keyResponse.status).toBe(200);
    const verifier = parseVerifierKey((await keyResponse.text()).trim());
    expect(verifier.name).toBe('duban.example.gov.cn/audit');
    const published = await sys.gql<{ auditPublicKey: { publicKey: string } }>(
      publicKey,
      {},
      office,
    );
    expect(verifier.publicKeyRaw.toString('base64')).toBe(published.data?.auditPublicKey.publicKey);

    await addUnits(3);
    const first = await sign();
    const firstResponse = await get('/audit/checkpoint');
    expect(firstResponse.status).toBe(200);
    expect(firstResponse.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const firstNote = await firstResponse.text();
    const firstCheckpoint = parseCheckpoint(openNote(firstNote, [verifier]).text);
    expect(firstCheckpoint).toEqual({
      origin: 'duban.example.gov.cn/audit',
      size: first.treeSize,
      rootHash: Buffer.from(first.rootHash, 'hex'),
      extensions: [],
    });
    // The same head gives the same note (Ed25519 is deterministic).
    expect(await (await get('/audit/checkpoint')).text()).toBe(firstNote);

    await addUnits(5);
    const second = await sign();
    const secondCheckpoint = parseCheckpoint(
      openNote(await (await get('/audit/checkpoint')).text(), [verifier]).text,
    );
    expect(secondCheckpoint.size).toBe(second.treeSize);
    expect(secondCheckpoint.size).toBeGreaterThan(firstCheckpoint.size);

    const proofResponse = await get(`/audit/proof?from=${firstCheckpoint.size}`);
    expect(proofResponse.status).toBe(200);
    const proof = (await proofResponse.json()) as Proof;
    expect(proof.to).toBe(secondCheckpoint.size);
    const hashes = proof.proof.map((hash) => Buffer.from(hash, 'base64'));
    expect(
      verifyConsistency(
        firstCheckpoint.size,
        secondCheckpoint.size,
        hashes,
        firstCheckpoint.rootHash,
        secondCheckpoint.rootHash,
      ),
    ).toBe(true);
    // A proof against another old root does not hold.
    expect(
      verifyConsistency(
        firstCheckpoint.size,
        secondCheckpoint.size,
        hashes,
        Buffer.alloc(32),
        secondCheckpoint.rootHash,
      ),
    ).toBe(false);
  });

  it.each([
    ['/audit/proof', 'from'],
    ['/audit/proof?from=0', 'from'],
    ['/audit/proof?from=abc', 'from'],
    ['/audit/proof?from=1&to=99999999', 'to'],
    ['/audit/proof?from=9&to=3', 'from'],
  ])('refuses %s naming %s', async (path, field) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; field: string } };
    expect(body.error).toMatchObject({ code: 'VALIDATION', field });
  });

  it('answers only GET, and 404 for another path under /audit/', async () => {
    expect((await fetch(`${sys.url}/audit/checkpoint`, { method: 'POST' })).status).toBe(405);
    expect((await get('/audit/nothing')).status).toBe(404);
  });
});
