import type { AuditEvent, TreeHead } from '../../contracts/events/index.ts';
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
