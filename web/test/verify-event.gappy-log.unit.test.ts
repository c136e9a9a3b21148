import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { gappyLog } from '../../tests/support/gappy-audit-log.ts';
import { asBundle } from '../../tools/audit/bundle.ts';
import { verifyBundle } from '../../tools/audit/verify-bundle.ts';
import { bundleText } from '../src/audit/bundle.ts';
import { coveredBy } from '../src/audit/covered.ts';
import type { AuditEvent, AuditKey, InclusionProof, TreeHead } from '../src/audit/types.ts';
import { verifyEvent } from '../src/audit/verify-event.ts';

// The inspector's check in the browser over a log whose positions have gaps (a
// KurrentDB commit position, a PostgreSQL sequence): leaf i is the i-th event of
// the log, not position i + 1. The proof's leaf index comes from the server.

const positions = [3, 7, 8, 20];

/** The event as `auditHistory` shows it, naming its leaf unless `leafIndex` is undefined. */
const asHistory = (event: StoredEvent, leafIndex: number | undefined): AuditEvent => ({
  position: event.position,
  streamId: event.streamId,
  revision: event.revision,
  id: event.id,
  type: event.type,
  version: event.version,
  recordedAt: event.recordedAt,
  businessDate: event.recordedAt.slice(0, 10),
  actor: {
    id: event.metadata.actor.id,
    role: event.metadata.actor.role,
    unitId: event.metadata.actor.unitId ?? null,
    name: event.metadata.actor.name ?? null,
  },
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  idempotencyKey: event.metadata.idempotencyKey ?? null,
  metadata: event.metadata as unknown as Record<string, unknown>,
  data: event.data,
  leafHash: eventLeafHash(event).toString('hex'),
  ...(leafIndex === undefined ? {} : { leafIndex }),
});

/** A log at `at`, signed; the history entry and the server's proof of the event at leaf `leaf`. */
const logOf = (at: readonly number[]) => {
  const { events, head, proofOf } = gappyLog(at);
  const published: AuditKey = {
    keyId: head.keyId,
    algorithm: 'Ed25519',
    publicKey: head.publicKey,
  };
  const proofAt = (leaf: number): InclusionProof => ({
    leafIndex: leaf,
    treeSize: head.treeSize,
    leafHash: eventLeafHash(events[leaf]!).toString('hex'),
    proof: proofOf(leaf),
    rootHash: head.rootHash,
  });
  return { events, head: head as TreeHead, published, proofAt };
};

const failedSteps = (verdict: Awaited<ReturnType<typeof verifyEvent>>) =>
  verdict.steps.filter((step) => !step.ok).map((step) => step.step);

describe('an event of a log with gaps, verified in the browser', () => {
  const { events, head, published, proofAt } = logOf(positions);

  it.each(positions.map((position, leaf) => [position, leaf]))(
    'verifies the event at position %i, proven at leaf %i',
    async (_, leaf) => {
      const verdict = await verifyEvent(
        asHistory(events[leaf]!, leaf),
        proofAt(leaf),
        head,
        published,
      );
      expect(failedSteps(verdict)).toEqual([]);
      expect(verdict.ok).toBe(true);
    },
  );

  it('verifies by the proof alone when the history names no leaf (an older server)', async () => {
    const verdict = await verifyEvent(
      asHistory(events[2]!, undefined),
      proofAt(2),
      head,
      published,
    );
    expect(verdict.ok).toBe(true);
  });

  it('finds an event whose content was changed not verified', async () => {
    const changed = asHistory(events[1]!, 1);
    changed.data = { percent: 99 };
    const verdict = await verifyEvent(changed, proofAt(1), head, published);
    expect(failedSteps(verdict)).toEqual(['leaf']);
  });

  it('finds an event moved to another position not verified, even with its leaf hash recomputed', async () => {
    const moved = { ...events[3]!, position: 19 };
    const shown = asHistory(moved, 3);
    const proof = { ...proofAt(3), leafHash: shown.leafHash };
    const verdict = await verifyEvent(shown, proof, head, published);
    expect(failedSteps(verdict)).toEqual(['root']);
  });

  it('finds a proof naming another leaf not verified', async () => {
    const verdict = await verifyEvent(
      asHistory(events[2]!, undefined),
      { ...proofAt(2), leafIndex: 1 },
      head,
      published,
    );
    expect(failedSteps(verdict)).toEqual(['root']);
  });

  it('finds a proof of another leaf than the history names not verified', async () => {
    const verdict = await verifyEvent(asHistory(events[2]!, 1), proofAt(2), head, published);
    expect(failedSteps(verdict)).toEqual(['path', 'root']);
  });

  it('finds an event proven at a leaf past its position − 1 not verified, though the signed tree holds it there', async () => {
    // A server that signed a log whose positions do not increase: the event at
    // position 2 stands at leaf 3, which no honest log allows.
    const forged = logOf([5, 6, 7, 2]);
    const verdict = await verifyEvent(
      asHistory(forged.events[3]!, 3),
      forged.proofAt(3),
      forged.head,
      forged.published,
    );
    expect(failedSteps(verdict)).toEqual(['path', 'root']);
  });
});

describe('whether the head covers an event of a log with gaps', () => {
  const { events } = logOf(positions);

  it('is read from its leaf, not its position', () => {
    expect(coveredBy(asHistory(events[3]!, 3), { treeSize: 4 })).toBe(true);
    expect(coveredBy(asHistory(events[3]!, 3), { treeSize: 3 })).toBe(false);
  });

  it('is read from its position when an older server names no leaf', () => {
    expect(coveredBy(asHistory(events[3]!, undefined), { treeSize: 20 })).toBe(true);
    expect(coveredBy(asHistory(events[3]!, undefined), { treeSize: 19 })).toBe(false);
  });
});

describe('a bundle made in the browser of a log with gaps', () => {
  const { events, head, published, proofAt } = logOf(positions);
  const proven = events.map((event, leaf) => ({
    stored: { ...event, metadata: event.metadata as unknown as Record<string, unknown> },
    leafIndex: proofAt(leaf).leafIndex,
    leafHash: eventLeafHash(event).toString('hex'),
    inclusionProof: proofAt(leaf).proof,
  }));

  it('verifies offline, each event at the leaf index the bundle states', () => {
    const text = bundleText(proven, head, published, {}, '2021-06-11T00:00:00.000Z');
    const report = verifyBundle(asBundle(JSON.parse(text)), { allowUnsignedSelection: true });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, eventsVerified: 4, assumedLeafIndexes: 0 });
  });
});
