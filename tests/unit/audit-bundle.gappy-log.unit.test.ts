import { eventLeafHash } from '../../domain/merkle/index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { AuditRecord } from '../../tools/audit/audit-store.ts';
import { type AuditBundle, type BundleEvent, bundleFormat } from '../../tools/audit/bundle.ts';
import { checkLog } from '../../tools/audit/check-log.ts';
import { compactLeaves } from '../../tools/audit/compact-tree.ts';
import { verifyLines } from '../../tools/audit/report.ts';
import type { LogScan } from '../../tools/audit/scan-log.ts';
import { signSelection, toRuns } from '../../tools/audit/selection.ts';
import { verifyBundle } from '../../tools/audit/verify-bundle.ts';
import { gappyLog, loggedEvent } from '../support/gappy-audit-log.ts';

// A bundle of a log whose positions have gaps (exported from a node on KurrentDB,
// or made in the console against one): leaf i is the i-th event, not position i + 1.
// The offline verifier proves each event at the leaf index the bundle states.

/** A bundle of every event of the log under one head; `withLeafIndexes` false writes the older format. */
const bundleOf = (positions: readonly number[], withLeafIndexes = true): AuditBundle => {
  const { key, events, head, proofOf } = gappyLog(positions);
  const entry = (event: StoredEvent, index: number): BundleEvent => ({
    ...event,
    ...(withLeafIndexes ? { leafIndex: index } : {}),
    leafHash: eventLeafHash(event).toString('hex'),
    inclusionProof: proofOf(index),
  });
  return {
    format: bundleFormat,
    exportedAt: '2021-06-11T00:00:00.000Z',
    publicKey: { keyId: key.keyId, algorithm: 'Ed25519', publicKey: head.publicKey },
    heads: [head],
    head,
    consistency: [],
    events: events.map(entry),
    selection: signSelection(
      {
        filters: {},
        treeSize: head.treeSize,
        rootHash: head.rootHash,
        exportedAt: '2021-06-11T00:00:00.000Z',
        count: events.length,
        positions: toRuns(events.map((event) => event.position)),
        keyId: key.keyId,
      },
      key.privateKey,
    ),
  };
};

const copy = (bundle: AuditBundle): AuditBundle => JSON.parse(JSON.stringify(bundle));
const at = (bundle: AuditBundle, position: number): BundleEvent =>
  bundle.events.find((event) => event.position === position)!;

describe('a bundle of a log with gaps, verified offline', () => {
  const bundle = bundleOf([3, 7, 8, 20, 21, 40]);

  it('verifies: each event proven at the leaf index it states', () => {
    const report = verifyBundle(bundle);
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, eventsVerified: 6, treeSize: 6 });
    expect(report.assumedLeafIndexes).toBe(0);
    expect(verifyLines(report, bundle, false).join('\n')).not.toMatch(/leaf index/);
  });

  it('names an event whose content was changed', () => {
    const tampered = copy(bundle);
    (at(tampered, 8).data as { percent: number }).percent = 99;
    expect(verifyBundle(tampered).failures).toEqual([
      "position 8: leaf hash does not match the event's content",
    ]);
  });

  it('names an event moved to another position, its leaf hash recomputed: the proof fails', () => {
    const tampered = copy(bundle);
    const event = at(tampered, 20);
    event.position = 19;
    event.leafHash = eventLeafHash(event).toString('hex');
    tampered.selection = bundle.selection;
    const failures = verifyBundle(tampered).failures;
    expect(failures).toContain(
      'position 19: inclusion proof does not lead to the root of the head of tree size 6',
    );
  });

  it('names an event given another leaf index: the proof does not lead there', () => {
    const tampered = copy(bundle);
    at(tampered, 8).leafIndex = 1;
    expect(verifyBundle(tampered).failures).toEqual([
      'position 8: inclusion proof does not lead to the root of the head of tree size 6',
      "position 8: leaf index 1 is not after leaf index 1 of position 7: leaves follow the log's order",
    ]);
  });

  it('names a leaf index past position − 1, which no log allows', () => {
    const tampered = copy(bundle);
    at(tampered, 3).leafIndex = 3;
    expect(verifyBundle(tampered).failures).toContain(
      'position 3: leaf index 3 is past position 3 − 1, where no log places an event',
    );
  });

  it('names a leaf index beyond the head, and one that is not a whole number', () => {
    const tampered = copy(bundle) as unknown as { events: { leafIndex: unknown }[] };
    tampered.events[5]!.leafIndex = 6;
    tampered.events[4]!.leafIndex = '4';
    const failures = verifyBundle(tampered as unknown as AuditBundle).failures;
    expect(failures).toContain(
      "position 40: leaf index 6 is beyond the head's tree size 6, so not covered by it",
    );
    expect(failures).toContain('position 21: leaf index is not a whole number from 0');
  });

  it('names leaf indexes that do not increase with the positions', () => {
    const tampered = copy(bundle);
    [at(tampered, 7).leafIndex, at(tampered, 8).leafIndex] = [2, 1];
    expect(verifyBundle(tampered).failures).toContain(
      "position 8: leaf index 1 is not after leaf index 2 of position 7: leaves follow the log's order",
    );
  });

  it('fails when its leaf indexes are dropped: position − 1 is not where the events stand', () => {
    const older = bundleOf([3, 7, 8, 20, 21, 40], false);
    const report = verifyBundle(older);
    expect(report.ok).toBe(false);
    expect(report.assumedLeafIndexes).toBe(6);
    expect(verifyLines(report, older, false)).toContain(
      'note: 6 events of this bundle state no leaf index (a bundle written before leaf indexes were exported): each was taken as leaf position − 1, which holds only on a log numbered 1, 2, 3… without gaps (the embedded SQLite log, PostgreSQL).',
    );
  });
});

describe('a bundle written before leaf indexes were exported, of a log without gaps', () => {
  const older = bundleOf([1, 2, 3, 4, 5]);
  for (const event of older.events) delete event.leafIndex;

  it('still verifies, taking each leaf at position − 1, and says so', () => {
    const report = verifyBundle(older);
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, eventsVerified: 5, assumedLeafIndexes: 5 });
    const lines = verifyLines(report, older, false);
    expect(lines[0]).toMatch(/^Verified 5 events/);
    expect(lines[1]).toMatch(/^note: 5 events of this bundle state no leaf index/);
  });

  it('still names a changed event', () => {
    const tampered = copy(older);
    (at(tampered, 4).data as { percent: number }).percent = 99;
    expect(verifyBundle(tampered).failures).toEqual([
      "position 4: leaf hash does not match the event's content",
    ]);
  });
});

describe('audit:check given an audit record of a log with gaps', () => {
  // The SQLite log audit:check reads numbers its events 1, 2, 3…; a record whose
  // leaves sit at other positions (leaf_positions has rows) is another log's.
  const events = [1, 2, 3, 4].map((position) => loggedEvent(position, position));
  const scan: LogScan = {
    leaves: compactLeaves(4),
    size: 4,
    count: 4,
    heads: [],
    rotations: [],
    unreadable: [],
  };
  for (const event of events) scan.leaves.set(event.position - 1, eventLeafHash(event));
  const otherLeaves = compactLeaves(4);
  for (const [i, event] of events.entries()) {
    otherLeaves.set(i, eventLeafHash({ ...event, position: 1000 + i }));
  }
  const record = (apart: boolean): AuditRecord => ({
    leaves: otherLeaves,
    leavesApartFromPositions: apart,
    subtree: () => undefined,
    close: () => {},
  });

  it('is not compared leaf by leaf, and the report says why', () => {
    const report = checkLog({ scan, record: record(true), trustedKey: null });
    expect(report.divergences).toEqual([]);
    expect(report.recordChecked).toBe(false);
    expect(report.warnings).toEqual([
      'audit.sqlite numbers its leaves apart from the positions (it indexed a log with gaps), so it is not the record of this log: not compared',
    ]);
  });

  it('is compared, and differs everywhere, when it claims to number leaves by position', () => {
    const report = checkLog({ scan, record: record(false), trustedKey: null });
    expect(report.divergences).toHaveLength(4);
  });
});
