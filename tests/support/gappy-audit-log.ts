import { generateKeyPairSync } from 'node:crypto';
import {
  eventLeafHash,
  inclusionProof,
  memorySubtreeSource,
  rootHash,
  type SubtreeSource,
} from '../../domain/merkle/index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { type SigningKey, signingKeyOf } from '../../infra/keys/signing-key.ts';
import { signTreeHead } from '../../services/audit/tree-heads.ts';

/** An event of the log at `position`, its content told apart by `n`. */
export const loggedEvent = (position: number, n: number): StoredEvent => ({
  position,
  streamId: `task-t${n % 3}`,
  revision: Math.floor(n / 3),
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'MilestoneProgressReported',
  version: 1,
  data: { percent: 10 * n, note: `第${n}次` },
  metadata: {
    actor: { id: 'head-edu', role: 'department_head', unitId: 'edu', name: '教育局负责人' },
    correlationId: `c${n}`,
    causationId: `c${n}`,
    idempotencyKey: `k${n}`,
    recordedAt: `2021-06-0${1 + (n % 9)}T02:00:00.000Z`,
  },
  recordedAt: `2021-06-0${1 + (n % 9)}T02:00:00.000Z`,
});

/**
 * A log whose events stand at `positions` (strictly increasing, with gaps as a
 * KurrentDB or a sequence leaves them), its audit tree with leaf i the i-th event
 * in log order, and a head signed over its first `treeSize` leaves.
 */
export const gappyLog = (positions: readonly number[], treeSize = positions.length) => {
  const key: SigningKey = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
  const events = positions.map((position, i) => loggedEvent(position, i));
  const tree: SubtreeSource = memorySubtreeSource(events.map(eventLeafHash));
  const head = {
    ...signTreeHead(key, {
      treeSize,
      rootHash: rootHash(tree, treeSize).toString('hex'),
      signedAt: '2021-06-10T03:00:00.000Z',
    }),
    // The event recording the head comes after every event it covers.
    position: positions.at(-1)! + 5,
  };
  /** The audit path of leaf `index` to the head, hex. */
  const proofOf = (index: number): string[] =>
    inclusionProof(tree, index, treeSize).map((hash) => hash.toString('hex'));
  return { key, events, tree, head, proofOf };
};
