import { asBundle } from '../../tools/audit/bundle.ts';
import { bundleText, toRuns } from '../src/audit/bundle.ts';

const head = {
  treeSize: 4,
  rootHash: 'ab'.repeat(32),
  signedAt: '2021-12-31T02:00:00.000Z',
  keyId: '0123456789abcdef',
  publicKey: `${'A'.repeat(43)}=`,
  signature: `${'B'.repeat(86)}==`,
  position: 5,
};
const key = { keyId: head.keyId, algorithm: 'Ed25519', publicKey: head.publicKey };

describe('positions of a selection', () => {
  it('are written as runs of consecutive positions', () => {
    expect(toRuns([1, 2, 3, 7, 9, 10])).toEqual([
      [1, 3],
      [7, 7],
      [9, 10],
    ]);
  });
});

describe('a bundle made in the browser', () => {
  const stored = {
    position: 2,
    streamId: 'task-t1',
    revision: 0,
    id: 'e2',
    type: 'TaskRegistered',
    version: 1,
    data: {},
    metadata: {},
    recordedAt: '2021-01-04T02:00:00.000Z',
  };
  const text = bundleText(
    [{ stored, leafIndex: 1, leafHash: 'cd'.repeat(32), inclusionProof: [] }],
    head,
    key,
    {},
    'now',
  );

  it("has the exporter's layout: header line, one event a line, the selection last", () => {
    const lines = text.trimEnd().split('\n');
    expect(lines[0]?.endsWith(',"events":[')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.startsWith('],"selection":')).toBe(true);
  });

  it('is one JSON document the offline verifier reads as a bundle', () => {
    const bundle = asBundle(JSON.parse(text));
    expect(bundle.events).toHaveLength(1);
    expect(bundle.events[0]).toMatchObject({ position: 2, leafIndex: 1 });
    expect(bundle.selection).toMatchObject({ count: 1, positions: [[2, 2]], treeSize: 4 });
  });
});
