import type {
  AuditEvent,
  SigningKeyRotation,
  TreeHead,
  TreeHeadCosignature,
} from '../../contracts/events/index.ts';
import type { TreeHeadCommand } from '../../services/audit/domain/commands.ts';
import { treeHeadDecider } from '../../services/audit/domain/decider.ts';
import { given } from './support/given-when-then.ts';

const head = (treeSize: number, change: Partial<TreeHead> = {}): TreeHead => ({
  treeSize,
  rootHash: 'ab'.repeat(32),
  signedAt: '2021-03-01T08:00:00.000Z',
  keyId: '0123456789abcdef',
  publicKey: Buffer.alloc(32, 7).toString('base64'),
  signature: Buffer.alloc(64, 9).toString('base64'),
  ...change,
});

const record = (data: TreeHead): TreeHeadCommand => ({ type: 'RecordTreeHead', data });
const signed = (data: TreeHead): AuditEvent => ({ type: 'TreeHeadSigned', data });

describe('the first tree head', () => {
  it('is recorded as signed', () => {
    given(treeHeadDecider, [])
      .when(record(head(5)))
      .then([signed(head(5))]);
  });

  it('must cover at least one leaf', () => {
    given(treeHeadDecider, [])
      .when(record(head(0)))
      .thenThrows('VALIDATION', 'treeSize');
  });
});

describe('a tree head after others', () => {
  it('is recorded when it covers more leaves than the last', () => {
    given(treeHeadDecider, [signed(head(5)), signed(head(9))])
      .when(record(head(10)))
      .then([signed(head(10))]);
  });

  it('of the same size as the last is refused as ILLEGAL_STATE', () => {
    given(treeHeadDecider, [signed(head(5))])
      .when(record(head(5)))
      .thenThrows('ILLEGAL_STATE', 'treeSize');
  });

  it('smaller than the last is refused as ILLEGAL_STATE', () => {
    given(treeHeadDecider, [signed(head(5)), signed(head(9))])
      .when(record(head(7)))
      .thenThrows('ILLEGAL_STATE', 'treeSize');
  });
});

describe('a tree head that could not have come from the signer', () => {
  it.each([
    ['treeSize', { treeSize: 2.5 }],
    ['rootHash', { rootHash: 'AB'.repeat(32) }],
    ['rootHash', { rootHash: 'ab' }],
    ['signedAt', { signedAt: 'yesterday' }],
    ['keyId', { keyId: 'xyz' }],
    ['publicKey', { publicKey: '' }],
    ['signature', { signature: '' }],
  ] as const)('is refused naming %s', (field, change) => {
    given(treeHeadDecider, [])
      .when(record(head(3, change as Partial<TreeHead>)))
      .thenThrows('VALIDATION', field);
  });
});

describe('a witness’s cosignature of a head', () => {
  const cosignature = (treeSize: number, change: Partial<TreeHeadCosignature> = {}) => ({
    treeSize,
    rootHash: 'ab'.repeat(32),
    witness: 'witness.local/inspector',
    keyId: '0a1b2c3d',
    timestamp: 1_700_000_000,
    signature: Buffer.alloc(76, 3).toString('base64'),
    ...change,
  });
  const cosign = (data: TreeHeadCosignature): TreeHeadCommand => ({
    type: 'RecordCosignature',
    data,
  });
  const cosigned = (data: TreeHeadCosignature): AuditEvent => ({ type: 'TreeHeadCosigned', data });

  it('is recorded for a signed head with its root', () => {
    given(treeHeadDecider, [signed(head(5)), signed(head(9))])
      .when(cosign(cosignature(5)))
      .then([cosigned(cosignature(5))]);
  });

  it('is refused for a size no head has, or another root, naming treeSize', () => {
    given(treeHeadDecider, [signed(head(5))])
      .when(cosign(cosignature(6)))
      .thenThrows('VALIDATION', 'treeSize');
    given(treeHeadDecider, [signed(head(5))])
      .when(cosign(cosignature(5, { rootHash: 'cd'.repeat(32) })))
      .thenThrows('VALIDATION', 'treeSize');
  });

  it('by the same key for the same head adds nothing; by another key it is recorded', () => {
    given(treeHeadDecider, [signed(head(5)), cosigned(cosignature(5))])
      .when(cosign(cosignature(5, { timestamp: 1_700_000_100 })))
      .then([]);
    given(treeHeadDecider, [signed(head(5)), cosigned(cosignature(5))])
      .when(cosign(cosignature(5, { keyId: 'ffffffff', witness: 'witness.local/other' })))
      .then([cosigned(cosignature(5, { keyId: 'ffffffff', witness: 'witness.local/other' }))]);
  });
});

describe('the signing key handed on', () => {
  const rotation = (change: Partial<SigningKeyRotation> = {}): SigningKeyRotation => ({
    fromKeyId: '0123456789abcdef',
    fromPublicKey: Buffer.alloc(32, 7).toString('base64'),
    toKeyId: 'fedcba9876543210',
    toPublicKey: Buffer.alloc(32, 8).toString('base64'),
    afterTreeSize: 5,
    at: '2021-07-01T08:00:00.000Z',
    signature: Buffer.alloc(64, 9).toString('base64'),
    ...change,
  });
  const rotate = (data: SigningKeyRotation): TreeHeadCommand => ({
    type: 'RecordKeyRotation',
    data,
  });
  const rotated = (data: SigningKeyRotation): AuditEvent => ({ type: 'SigningKeyRotated', data });

  it('is recorded from the key in force, after its last head', () => {
    given(treeHeadDecider, [signed(head(5))])
      .when(rotate(rotation()))
      .then([rotated(rotation())]);
  });

  it('is refused from a key that is not in force, or before the last head', () => {
    given(treeHeadDecider, [signed(head(5))])
      .when(rotate(rotation({ fromKeyId: 'aaaaaaaaaaaaaaaa' })))
      .thenThrows('ILLEGAL_STATE', 'fromKeyId');
    given(treeHeadDecider, [signed(head(5))])
      .when(rotate(rotation({ afterTreeSize: 4 })))
      .thenThrows('ILLEGAL_STATE', 'afterTreeSize');
    given(treeHeadDecider, [signed(head(5))])
      .when(rotate(rotation({ toKeyId: '0123456789abcdef' })))
      .thenThrows('VALIDATION', 'toKeyId');
  });

  it('makes the new key the only one a head may be signed with', () => {
    const past = [signed(head(5)), rotated(rotation())];
    given(treeHeadDecider, past)
      .when(record(head(9)))
      .thenThrows('ILLEGAL_STATE', 'keyId');
    given(treeHeadDecider, past)
      .when(record(head(9, { keyId: 'fedcba9876543210' })))
      .then([signed(head(9, { keyId: 'fedcba9876543210' }))]);
  });

  it('is needed before a head of another key', () => {
    given(treeHeadDecider, [signed(head(5))])
      .when(record(head(9, { keyId: 'fedcba9876543210' })))
      .thenThrows('ILLEGAL_STATE', 'keyId');
  });
});

describe('where the legacy events end, as heads say it', () => {
  it('is fixed by the first head that says it and repeated by the later ones', () => {
    given(treeHeadDecider, [signed(head(5)), signed(head(9, { legacyUpTo: 3 }))])
      .when(record(head(12, { legacyUpTo: 3 })))
      .then([signed(head(12, { legacyUpTo: 3 }))]);
  });

  it('may not change, nor be left out, once said', () => {
    const past = [signed(head(9, { legacyUpTo: 3 }))];
    given(treeHeadDecider, past)
      .when(record(head(12, { legacyUpTo: 0 })))
      .thenThrows('ILLEGAL_STATE', 'legacyUpTo');
    given(treeHeadDecider, past)
      .when(record(head(12)))
      .thenThrows('ILLEGAL_STATE', 'legacyUpTo');
  });

  it('lies within the tree', () => {
    given(treeHeadDecider, [])
      .when(record(head(5, { legacyUpTo: 6 })))
      .thenThrows('VALIDATION', 'legacyUpTo');
  });
});

describe('the audit lease term a head is signed under', () => {
  it('is refused when older than the term of a head already recorded', () => {
    given(treeHeadDecider, [signed(head(5, { leaseTerm: 1 })), signed(head(9, { leaseTerm: 2 }))])
      .when(record(head(12, { leaseTerm: 1 })))
      .thenThrows('ILLEGAL_STATE', 'leaseTerm');
  });

  it('is taken when the same or later, and a head without one changes nothing', () => {
    const past = [signed(head(5, { leaseTerm: 2 })), signed(head(9))];
    given(treeHeadDecider, past)
      .when(record(head(12, { leaseTerm: 2 })))
      .then([signed(head(12, { leaseTerm: 2 }))]);
    given(treeHeadDecider, past)
      .when(record(head(12, { leaseTerm: 3 })))
      .then([signed(head(12, { leaseTerm: 3 }))]);
    given(treeHeadDecider, [...past, signed(head(12, { leaseTerm: 3 }))])
      .when(record(head(14, { leaseTerm: 2 })))
      .thenThrows('ILLEGAL_STATE', 'leaseTerm');
  });

  it('must be a whole number from 0', () => {
    given(treeHeadDecider, [])
      .when(record(head(5, { leaseTerm: -1 })))
      .thenThrows('VALIDATION', 'leaseTerm');
  });
});
