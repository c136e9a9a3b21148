import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafHash } from '../../domain/merkle/hashes.ts';
import {
  consistencyProof,
  inclusionProof,
  memorySubtreeSource,
  verifyConsistency,
  verifyInclusion,
} from '../../domain/merkle/tree.ts';
import { referenceLeafData } from '../fixtures/rfc6962/reference-tree.ts';

// The public RFC 6962 vectors of transparency-dev/merkle: each file says by
// `wantErr` whether its proof must verify (false) or be rejected (true).
const fixtures = join(__dirname, '../fixtures/rfc6962');

const vectorFiles = (folder: string): string[] =>
  readdirSync(join(fixtures, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json'))
    .map((path) => join(folder, path))
    .sort();

const readVector = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(fixtures, path), 'utf8'));

const bytes = (vector: Record<string, unknown>, field: string): Buffer => {
  const value = vector[field];
  if (typeof value !== 'string') throw new Error(`${field} is not base64`);
  return Buffer.from(value, 'base64');
};

/** Go writes an empty proof as null. */
const proofOf = (vector: Record<string, unknown>): Buffer[] => {
  const value = vector.proof ?? [];
  if (!Array.isArray(value)) throw new Error('proof is not a list');
  return value.map((item: unknown) => Buffer.from(String(item), 'base64'));
};

const count = (vector: Record<string, unknown>, field: string): number => {
  const value = vector[field];
  if (typeof value !== 'number') throw new Error(`${field} is not a number`);
  return value;
};

const wantErr = (vector: Record<string, unknown>): boolean => {
  if (typeof vector.wantErr !== 'boolean') throw new Error('wantErr is not a boolean');
  return vector.wantErr;
};

const outcome = (wantErr: boolean) => (wantErr ? 'is rejected' : 'verifies');

const inclusionFiles = vectorFiles('inclusion');
const consistencyFiles = vectorFiles('consistency');

describe('the shared RFC 6962 test vectors', () => {
  it('are all present: 98 inclusion and 98 consistency cases', () => {
    expect(inclusionFiles).toHaveLength(98);
    expect(consistencyFiles).toHaveLength(98);
  });
});

describe('an inclusion vector', () => {
  it.each(inclusionFiles)('%s gives the outcome its wantErr names', (path) => {
    const vector = readVector(path);
    const verified = verifyInclusion(
      bytes(vector, 'leafHash'),
      count(vector, 'leafIdx'),
      count(vector, 'treeSize'),
      proofOf(vector),
      bytes(vector, 'root'),
    );
    expect(outcome(!verified)).toBe(outcome(wantErr(vector)));
  });
});

describe('a consistency vector', () => {
  it.each(consistencyFiles)('%s gives the outcome its wantErr names', (path) => {
    const vector = readVector(path);
    const verified = verifyConsistency(
      count(vector, 'size1'),
      count(vector, 'size2'),
      proofOf(vector),
      bytes(vector, 'root1'),
      bytes(vector, 'root2'),
    );
    expect(outcome(!verified)).toBe(outcome(wantErr(vector)));
  });
});

describe('the happy paths of the vectors', () => {
  const source = memorySubtreeSource(referenceLeafData.map(leafHash));
  const happy = (folder: string) =>
    vectorFiles(folder).filter((path) => /^\w+\/\d+\/happy-path\.json$/.test(path));
  const hex = (proof: readonly Uint8Array[]) => proof.map((h) => Buffer.from(h).toString('hex'));

  it.each(happy('inclusion'))('%s is the inclusion proof this code generates', (path) => {
    const vector = readVector(path);
    const proof = inclusionProof(source, count(vector, 'leafIdx'), count(vector, 'treeSize'));
    expect(hex(proof)).toEqual(hex(proofOf(vector)));
  });

  it.each(happy('consistency'))('%s is the consistency proof this code generates', (path) => {
    const vector = readVector(path);
    const proof = consistencyProof(source, count(vector, 'size1'), count(vector, 'size2'));
    expect(hex(proof)).toEqual(hex(proofOf(vector)));
  });

  it('cover five inclusion and five consistency cases', () => {
    expect(happy('inclusion')).toHaveLength(5);
    expect(happy('consistency')).toHaveLength(5);
  });
});
