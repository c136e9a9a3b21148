import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64 } from '../src/audit/hashes.ts';
import { verifyInclusion } from '../src/audit/inclusion.ts';

// The browser's RFC 6962 inclusion check against the public transparency-dev/merkle
// vectors the server's verifier passes: `wantErr` says whether a proof must fail.
const folder = join(__dirname, '../../tests/fixtures/rfc6962/inclusion');

const vectors = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.json'))
  .sort()
  .map((path) => ({ path, vector: JSON.parse(readFileSync(join(folder, path), 'utf8')) }));

describe("the console's inclusion check on the shared RFC 6962 vectors", () => {
  it('reads every vector of the folder', () => {
    expect(vectors).toHaveLength(98);
  });

  it.each(vectors)('$path agrees with wantErr', async ({ vector }) => {
    const proof = ((vector.proof ?? []) as string[]).map(fromBase64);
    const holds = await verifyInclusion(
      fromBase64(vector.leafHash ?? ''),
      vector.leafIdx,
      vector.treeSize,
      proof,
      fromBase64(vector.root ?? ''),
    );
    expect(holds).toBe(!vector.wantErr);
  });
});
