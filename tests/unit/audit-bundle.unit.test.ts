import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import {
  consistencyProof,
  eventLeafHash,
  inclusionProof,
  memorySubtreeSource,
  rootHash,
  type SubtreeSource,
} from '../../domain/merkle/index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { type SigningKey, signingKeyOf } from '../../infra/keys/signing-key.ts';
import { signRotation } from '../../services/audit/key-rotation.ts';
import { signTreeHead } from '../../services/audit/tree-heads.ts';
import type { AuditRecord } from '../../tools/audit/audit-store.ts';
import {
  type AuditBundle,
  asBundle,
  type BundleEvent,
  type BundleHead,
  bundleFormat,
  type ExportFilters,
} from '../../tools/audit/bundle.ts';
import { checkLog } from '../../tools/audit/check-log.ts';
import { compactLeaves, compactTree } from '../../tools/audit/compact-tree.ts';
import { filtersProblem, matchesFilters } from '../../tools/audit/filters.ts';
import { toHex } from '../../tools/audit/hex.ts';
import { checkLines } from '../../tools/audit/report.ts';
import type { FoundRotation } from '../../tools/audit/rotation.ts';
import type { FoundHead, LogScan } from '../../tools/audit/scan-log.ts';
import { compareWithRuns, signSelection, toRuns } from '../../tools/audit/selection.ts';
import { treeHeadProblem } from '../../tools/audit/tree-head.ts';
import { verifyBundle } from '../../tools/audit/verify-bundle.ts';

const newKey = (): SigningKey => signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const ourKey = newKey();
const otherKey = newKey();

/** A plain log of `count` events: two units, three actors, one task stream per ten events. */
const makeEvents = (count: number): StoredEvent[] =>
  Array.from({ length: count }, (_, i) => {
    const unitId = i % 2 === 0 ? 'edu' : 'env';
    return {
      position: i + 1,
      streamId: `task-${Math.floor(i / 10)}`,
      revision: i % 10,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: i % 10 === 0 ? 'TaskRegistered' : 'MilestoneProgressReported',
      version: 1,
      data: { percent: i % 100, note: `第${i}次` },
      metadata: {
        actor: { id: `head-${unitId}`, role: 'department_head', unitId },
        correlationId: `c${i}`,
        causationId: `c${i}`,
        idempotencyKey: `k${i}`,
        recordedAt: `2021-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00.000Z`,
      },
      recordedAt: `2021-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00.000Z`,
    };
  });

const signHead = (key: SigningKey, tree: SubtreeSource, treeSize: number): BundleHead => ({
  ...signTreeHead(key, {
    treeSize,
    rootHash: rootHash(tree, treeSize).toString('hex'),
    signedAt: `2021-04-01T00:00:${String(treeSize % 60).padStart(2, '0')}.000Z`,
  }),
  // Heads in these logs are labels, not events of the log.
  position: treeSize + 1000,
});

const bundleEventOf = (event: StoredEvent, tree: SubtreeSource, size: number): BundleEvent => ({
  ...event,
  leafHash: eventLeafHash(event).toString('hex'),
  inclusionProof: toHex(inclusionProof(tree, event.position - 1, size)),
});

/** A bundle as the exporter writes one: heads at `sizes`, events `selected` proven to the last. */
const makeBundle = (
  events: StoredEvent[],
  sizes: number[],
  selected: (event: StoredEvent) => boolean = () => true,
  key = ourKey,
): AuditBundle => {
  const tree = memorySubtreeSource(events.map(eventLeafHash));
  const heads = sizes.map((size) => signHead(key, tree, size));
  const head = heads[heads.length - 1]!;
  const chosen = events.filter((event) => event.position <= head.treeSize && selected(event));
  return {
    format: bundleFormat,
    exportedAt: '2021-04-02T00:00:00.000Z',
    publicKey: { keyId: key.keyId, algorithm: 'Ed25519', publicKey: head.publicKey },
    heads,
    head,
    consistency: heads.slice(1).map((to, i) => ({
      fromSize: heads[i]!.treeSize,
      toSize: to.treeSize,
      proof: toHex(consistencyProof(tree, heads[i]!.treeSize, to.treeSize)),
    })),
    events: chosen.map((event) => bundleEventOf(event, tree, head.treeSize)),
    selection: signSelection(
      {
        filters: {},
        treeSize: head.treeSize,
        rootHash: head.rootHash,
        exportedAt: '2021-04-02T00:00:00.000Z',
        count: chosen.length,
        positions: toRuns(chosen.map((event) => event.position)),
        keyId: key.keyId,
      },
      key.privateKey,
    ),
  };
};

/** Leaf hashes in the compact slots the check and the exporter keep. */
const slotsOf = (hashes: readonly Buffer[]) => {
  const slots = compactLeaves(1);
  for (const [index, hash] of hashes.entries()) slots.set(index, hash);
  return slots;
};

/** A deep copy to tamper with, as someone holding the file could. */
const copy = (bundle: AuditBundle): AuditBundle => JSON.parse(JSON.stringify(bundle));
const at = (bundle: AuditBundle, position: number): BundleEvent =>
  bundle.events.find((event) => event.position === position)!;
const flipHex = (hex: string): string => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;

describe('an exported bundle verified offline', () => {
  const events = makeEvents(120);
  const bundle = makeBundle(events, [30, 64, 100, 117]);

  it('verifies when untouched: every event, head and consistency proof', () => {
    const report = verifyBundle(bundle);
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      eventsVerified: 117,
      heads: 4,
      treeSize: 117,
      keyId: ourKey.keyId,
      selectionSigned: true,
    });
  });

  it('names the position of an event whose data was changed: its leaf no longer matches', () => {
    const tampered = copy(bundle);
    (at(tampered, 42).data as { percent: number }).percent = 99;
    expect(verifyBundle(tampered).failures).toEqual([
      "position 42: leaf hash does not match the event's content",
    ]);
  });

  it('names the position when the leaf hash was recomputed to match the change: the proof fails', () => {
    const tampered = copy(bundle);
    const event = at(tampered, 42);
    event.metadata.actor.id = 'someone-else';
    event.leafHash = eventLeafHash(event).toString('hex');
    expect(verifyBundle(tampered).failures).toEqual([
      'position 42: inclusion proof does not lead to the root of the head of tree size 117',
    ]);
  });

  it('names an event taken out, from the signed selection', () => {
    const tampered = copy(bundle);
    tampered.events = tampered.events.filter((event) => event.position !== 42);
    expect(verifyBundle(tampered).failures).toEqual([
      'position 42: missing from the bundle, though the signed selection lists it',
    ]);
  });

  it('names both events of a swap in the order of the bundle', () => {
    const tampered = copy(bundle);
    const [i, j] = [39, 59];
    [tampered.events[i], tampered.events[j]] = [tampered.events[j]!, tampered.events[i]!];
    const failures = verifyBundle(tampered).failures;
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^position 40: out of order/);
    expect(failures[1]).toMatch(/^position 60: out of order/);
  });

  it('names both events when two events swapped their contents', () => {
    const tampered = copy(bundle);
    const [a, b] = [at(tampered, 40), at(tampered, 60)];
    [a.data, b.data] = [b.data, a.data];
    expect(verifyBundle(tampered).failures).toEqual([
      "position 40: leaf hash does not match the event's content",
      "position 60: leaf hash does not match the event's content",
    ]);
  });

  it('names the tail that was dropped as one run of positions', () => {
    const tampered = copy(bundle);
    tampered.events = tampered.events.filter((event) => event.position <= 110);
    expect(verifyBundle(tampered).failures).toEqual([
      'positions 111–117: missing from the bundle, though the signed selection lists them',
    ]);
  });

  it('refuses a selection edited to hide a removal: its signature no longer holds', () => {
    const tampered = copy(bundle);
    tampered.events = tampered.events.filter((event) => event.position !== 42);
    tampered.selection.positions = toRuns(tampered.events.map((event) => event.position));
    tampered.selection.count -= 1;
    expect(verifyBundle(tampered).failures).toEqual(['selection: signature does not verify']);
  });

  it('refuses an unsigned selection unless told to accept one', () => {
    const tampered = copy(bundle);
    delete tampered.selection.signature;
    expect(verifyBundle(tampered).failures).toEqual([
      expect.stringMatching(/^selection: not signed/),
    ]);
    expect(verifyBundle(tampered, { allowUnsignedSelection: true })).toMatchObject({
      ok: true,
      selectionSigned: false,
    });
  });

  it('names a head whose signature was forged', () => {
    const tampered = copy(bundle);
    tampered.heads[1]!.signature = tampered.heads[0]!.signature;
    expect(verifyBundle(tampered).failures).toEqual([
      'head at position 1064 (tree size 64): signature does not verify',
    ]);
  });

  it('names a head whose root was changed, and the consistency proofs around it', () => {
    const tampered = copy(bundle);
    tampered.heads[1]!.rootHash = flipHex(tampered.heads[1]!.rootHash);
    expect(verifyBundle(tampered).failures).toEqual([
      'head at position 1064 (tree size 64): signature does not verify',
      'consistency from tree size 30 to 64: proof does not verify (the later head does not extend the earlier one)',
      'consistency from tree size 64 to 100: proof does not verify (the later head does not extend the earlier one)',
    ]);
  });

  it('names a consistency proof that was altered', () => {
    const tampered = copy(bundle);
    const proof = tampered.consistency[2]!.proof;
    proof[0] = flipHex(proof[0]!);
    expect(verifyBundle(tampered).failures).toEqual([
      'consistency from tree size 100 to 117: proof does not verify (the later head does not extend the earlier one)',
    ]);
  });

  it('names an inclusion proof that was altered', () => {
    const tampered = copy(bundle);
    const proof = at(tampered, 7).inclusionProof;
    proof[3] = flipHex(proof[3]!);
    expect(verifyBundle(tampered).failures).toEqual([
      'position 7: inclusion proof does not lead to the root of the head of tree size 117',
    ]);
  });

  it('fails every head of a bundle re-signed with another key when the key is pinned', () => {
    const forged = makeBundle(events, [30, 64, 100, 117], () => true, otherKey);
    expect(verifyBundle(forged).ok).toBe(true);
    const pinned = verifyBundle(forged, { pinnedKey: ourKey.publicKeyRaw });
    expect(pinned.ok).toBe(false);
    expect(pinned.failures[0]).toBe(
      `publicKey: the bundle's key ${otherKey.keyId} is not the pinned key ${ourKey.keyId}`,
    );
    expect(pinned.failures.filter((failure) => failure.startsWith('head at'))).toHaveLength(4);
    expect(pinned.failures).toContain(
      `selection: names key ${otherKey.keyId}, not ${ourKey.keyId}`,
    );
  });

  it('accepts the bundle under its own key pinned', () => {
    expect(verifyBundle(bundle, { pinnedKey: ourKey.publicKeyRaw }).ok).toBe(true);
  });

  it('names an event beyond the head it claims to be covered by', () => {
    const tampered = copy(bundle);
    const outside = events[118]!;
    tampered.events.push({
      ...outside,
      leafHash: eventLeafHash(outside).toString('hex'),
      inclusionProof: [],
    });
    expect(verifyBundle(tampered).failures).toEqual([
      "position 119: beyond the head's tree size 117, so not covered by it",
      'position 119: not in the signed selection',
    ]);
  });

  it('names damaged entries instead of failing on them', () => {
    const tampered = copy(bundle) as unknown as { events: unknown[]; heads: unknown[] };
    tampered.events[5] = null;
    tampered.heads.push(null);
    const failures = verifyBundle(tampered as unknown as AuditBundle).failures;
    expect(failures).toContain('event 6 of the bundle: position is not a whole number');
    expect(failures).toContain(
      'position 6: missing from the bundle, though the signed selection lists it',
    );
    expect(failures.some((failure) => failure.startsWith('head at position undefined'))).toBe(true);
  });
});

describe('a filtered bundle', () => {
  const events = makeEvents(60);
  const onlyEdu = (event: StoredEvent) => event.metadata.actor.unitId === 'edu';

  it('verifies with gaps between its positions', () => {
    const bundle = makeBundle(events, [50], onlyEdu);
    expect(bundle.selection.positions).toHaveLength(25);
    expect(verifyBundle(bundle)).toMatchObject({ ok: true, eventsVerified: 25 });
  });
});

describe('the bundle file format', () => {
  it('refuses anything that is not a bundle, naming the member', () => {
    expect(() => asBundle([])).toThrow('does not hold a JSON object');
    expect(() => asBundle({ format: 'other/1' })).toThrow(`format: must be ${bundleFormat}`);
    const bundle = makeBundle(makeEvents(3), [3]) as unknown as Record<string, unknown>;
    expect(() => asBundle({ ...bundle, events: {} })).toThrow('events: must be an array');
    expect(() => asBundle({ ...bundle, head: null })).toThrow('head: must be an object');
  });
});

describe('a tree head checked by the offline verifier', () => {
  const tree = memorySubtreeSource(makeEvents(5).map(eventLeafHash));
  const head = signHead(ourKey, tree, 5);

  it('holds when signed by the audit service with the trusted key', () => {
    expect(treeHeadProblem(head, ourKey.publicKeyRaw)).toBeNull();
  });

  it.each([
    ['its size', { treeSize: 4 }, 'signature does not verify'],
    ['its time', { signedAt: '2021-04-01T00:00:06.000Z' }, 'signature does not verify'],
    [
      'its key id',
      { keyId: otherKey.keyId },
      `keyId ${otherKey.keyId} does not name its public key`,
    ],
    [
      'its root to upper case',
      { rootHash: head.rootHash.toUpperCase() },
      'malformed: rootHash must be 64 lower-case hex characters',
    ],
  ])('fails with %s changed', (_what, change, problem) => {
    expect(treeHeadProblem({ ...head, ...change }, ourKey.publicKeyRaw)).toBe(problem);
  });

  it('fails under another trusted key, naming both', () => {
    expect(treeHeadProblem(head, otherKey.publicKeyRaw)).toBe(
      `signed by key ${ourKey.keyId}, not the trusted key ${otherKey.keyId}`,
    );
  });
});

describe('runs of positions', () => {
  it('compress ascending positions and find what is missing or extra', () => {
    expect(toRuns([1, 2, 3, 5, 7, 8])).toEqual([
      [1, 3],
      [5, 5],
      [7, 8],
    ]);
    expect(compareWithRuns(toRuns([1, 2, 3, 5, 7, 8]), [1, 3, 4, 5, 8, 9])).toEqual({
      missing: [2, 7],
      extra: [4, 9],
    });
  });
});

describe('the compact tree the exporter proves from', () => {
  it('gives the same roots and proofs as the core in-memory tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), (size, seed) => {
        const leaves = makeEvents(size).map(eventLeafHash);
        const memory = memorySubtreeSource(leaves);
        const compact = compactTree(slotsOf(leaves));
        const index = seed % size;
        const smaller = 1 + (seed % size);
        expect(rootHash(compact, size)).toEqual(rootHash(memory, size));
        expect(inclusionProof(compact, index, size)).toEqual(inclusionProof(memory, index, size));
        expect(consistencyProof(compact, smaller, size)).toEqual(
          consistencyProof(memory, smaller, size),
        );
      }),
    );
  });
});

describe('the export filters', () => {
  const events = makeEvents(40);
  const select = (filters: ExportFilters) =>
    events.filter((event) => matchesFilters(event, filters)).map((event) => event.position);

  it('select by stream, type, actor and the unit the actor acted for, combined with AND', () => {
    expect(select({ stream: 'task-1' })).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(select({ type: 'TaskRegistered' })).toEqual([1, 11, 21, 31]);
    expect(select({ actor: 'head-env', stream: 'task-0' })).toEqual([2, 4, 6, 8, 10]);
    expect(select({ unit: 'edu', type: 'TaskRegistered' })).toEqual([1, 11, 21, 31]);
  });

  it('select a recorded-at range with both ends inclusive', () => {
    expect(select({ from: '2021-03-02T08:00:00.000Z', to: '2021-03-03T08:00:00Z' })).toEqual([
      2, 3, 30, 31,
    ]);
  });

  it.each([
    [
      { from: 'yesterday' },
      '--from yesterday: must be an ISO timestamp, e.g. 2021-03-31T00:00:00Z',
    ],
    [
      { from: '2021-05-01', to: '2021-04-01' },
      '--from 2021-05-01: must not be after --to 2021-04-01',
    ],
    [{ unit: '' }, '--unit: must not be empty'],
  ])('refuse %j, naming the option', (filters, problem) => {
    expect(filtersProblem(filters)).toBe(problem);
  });
});

/** What the audit service recorded: every leaf and perfect subtree of the log before tampering. */
const recordOf = (events: StoredEvent[]): AuditRecord & { alterLeaf(position: number): void } => {
  const original = events.map(eventLeafHash);
  const tree = memorySubtreeSource(original);
  const leaves = slotsOf(original);
  return {
    leaves,
    subtree: (level, index) =>
      level === 0
        ? leaves.has(index)
          ? leaves.get(index)
          : undefined
        : tree.subtree(level, index),
    alterLeaf: (position) => leaves.set(position - 1, Buffer.alloc(32, 7)),
    close: () => undefined,
  };
};

/** The log as the check reads it back from the store. */
const scanOf = (
  events: StoredEvent[],
  heads: FoundHead[],
  rotations: FoundRotation[] = [],
): LogScan => {
  const leaves = compactLeaves(1);
  for (const event of events) leaves.set(event.position - 1, eventLeafHash(event));
  return { leaves, size: leaves.size, count: events.length, heads, rotations, unreadable: [] };
};

describe('the check of a log against its signed heads', () => {
  const events = makeEvents(150);
  const tree = memorySubtreeSource(events.map(eventLeafHash));
  const heads: FoundHead[] = [40, 80, 120, 140].map((size) => ({
    position: size + 1000,
    head: signHead(ourKey, tree, size),
  }));
  const check = (log: StoredEvent[], record: AuditRecord | null = recordOf(events)) =>
    checkLog({ scan: scanOf(log, heads), record, trustedKey: ourKey.publicKeyRaw });
  const edited = (position: number) =>
    events.map((event) =>
      event.position === position ? { ...event, data: { percent: 100, note: '改' } } : event,
    );

  it('finds nothing when the log is untouched', () => {
    const report = check(events);
    expect(report.divergences).toEqual([]);
    expect(report.headProblems).toEqual([]);
    expect(report.agreedSize).toBe(140);
  });

  it('names an edited event exactly, by walking down the recorded tree', () => {
    expect(check(edited(97)).divergences).toEqual([
      {
        position: 97,
        what: 'the event differs from the one the signed head at position 1120 (tree size 120) covers (changed after it was signed)',
      },
    ]);
  });

  it('names the window between two heads when there is no audit record', () => {
    expect(check(edited(97), null).divergences).toEqual([
      {
        position: 81,
        what: 'somewhere in positions 81–120 the log differs from the signed head at position 1120 (tree size 120); no trusted record narrows it further',
      },
    ]);
  });

  it('is not misled by a record altered to match the edit: it names a window holding the edit', () => {
    const record = recordOf(events);
    record.alterLeaf(97);
    const [first] = check(edited(97), record).divergences;
    expect(first?.what).toMatch(/^somewhere in positions 97–98 /);
  });

  it('warns that the record was altered when the log still matches its heads', () => {
    const record = recordOf(events);
    record.alterLeaf(12);
    const report = check(events, record);
    expect(report.divergences).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringMatching(/^position 12: audit.sqlite records another leaf/),
    ]);
  });

  it('names an event deleted from the log', () => {
    const report = check(events.filter((event) => event.position !== 55));
    expect(report.divergences[0]).toEqual({
      position: 55,
      what: 'event missing: position 55 absent between position 54 and 56 (deleted from the log)',
    });
  });

  it('names the first of two events that swapped contents, and the second after it', () => {
    const swapped = events.map((event) =>
      event.position === 30
        ? { ...event, data: events[69]!.data }
        : event.position === 70
          ? { ...event, data: events[29]!.data }
          : event,
    );
    expect(check(swapped).divergences.map((divergence) => divergence.position)).toEqual([30, 70]);
  });

  it('names the first position cut off from a tail a signed head covers', () => {
    const [first] = check(events.slice(0, 130), null).divergences;
    expect(first).toEqual({
      position: 131,
      what: 'the log ends at position 130, but the signed head at position 1140 (tree size 140) covers 140 events: the tail was cut off',
    });
  });

  it('names a cut tail the heads no longer show, from the audit record', () => {
    const truncated = events.slice(0, 135);
    const report = checkLog({
      scan: scanOf(truncated, heads.slice(0, 3)),
      record: recordOf(events),
      trustedKey: ourKey.publicKeyRaw,
    });
    expect(report.divergences).toEqual([
      {
        position: 136,
        what: 'the log ends at position 135, but the audit service recorded leaves up to 150: the tail was cut off',
      },
    ]);
  });

  it('names heads whose signatures do not verify and leaves them out of the comparison', () => {
    const forged = { ...heads[1]!, head: { ...heads[1]!.head, rootHash: '0'.repeat(64) } };
    const report = checkLog({
      scan: scanOf(events, [heads[0]!, forged, heads[2]!]),
      record: null,
      trustedKey: ourKey.publicKeyRaw,
    });
    expect(report.headProblems).toEqual([
      'head at position 1080 (tree size 80): signature does not verify',
    ]);
    expect(report.divergences).toEqual([]);
  });

  it('names heads signed with a key other than the trusted one', () => {
    const foreign = { position: 2000, head: signHead(otherKey, tree, 150) };
    const report = checkLog({
      scan: scanOf(events, [...heads, foreign]),
      record: null,
      trustedKey: ourKey.publicKeyRaw,
    });
    expect(report.headProblems).toEqual([
      `head at position 2000 (tree size 150): signed by key ${otherKey.keyId}, not the trusted key ${ourKey.keyId}`,
    ]);
  });
});

describe('the check of a log whose signing key was handed on', () => {
  const events = makeEvents(150);
  const tree = memorySubtreeSource(events.map(eventLeafHash));
  const headOf = (key: SigningKey, size: number): FoundHead => ({
    position: size + 1000,
    head: signHead(key, tree, size),
  });
  const before = [headOf(ourKey, 40), headOf(ourKey, 80)];
  const after = [headOf(otherKey, 120), headOf(otherKey, 140)];
  const handedOn: FoundRotation = {
    position: 1100,
    rotation: signRotation(ourKey, otherKey, 80, '2021-07-01T00:00:00.000Z'),
  };
  const check = (rotations: FoundRotation[], trustedKey: Buffer | null) =>
    checkLog({ scan: scanOf(events, [...before, ...after], rotations), record: null, trustedKey });

  it('holds each head to the key in force where it was recorded, the old key or the new', () => {
    for (const trusted of [null, ourKey.publicKeyRaw, otherKey.publicKeyRaw]) {
      const report = check([handedOn], trusted);
      expect(report.headProblems).toEqual([]);
      expect(report.agreedSize).toBe(140);
      expect(report.chain.key?.equals(otherKey.publicKeyRaw)).toBe(true);
    }
  });

  it('names the heads of a key no rotation announces (a key replaced)', () => {
    expect(check([], null).headProblems).toEqual([
      `head at position 1120 (tree size 120): signed by key ${otherKey.keyId}, not the trusted key ${ourKey.keyId}`,
      `head at position 1140 (tree size 140): signed by key ${otherKey.keyId}, not the trusted key ${ourKey.keyId}`,
    ]);
  });

  it('names a rotation the old key did not sign, and follows it no further', () => {
    const forged: FoundRotation = {
      ...handedOn,
      rotation: {
        ...signRotation(otherKey, otherKey, 80, '2021-07-01T00:00:00.000Z'),
        fromKeyId: ourKey.keyId,
      },
    };
    const problems = check([forged], null).headProblems;
    expect(problems[0]).toBe(
      `key rotation at position 1100: its signature does not verify under key ${ourKey.keyId}`,
    );
    expect(problems).toHaveLength(3);
  });
});

describe('what audit:check prints', () => {
  const events = makeEvents(60);
  const tree = memorySubtreeSource(events.map(eventLeafHash));
  const heads: FoundHead[] = [20, 50].map((size) => ({
    position: size + 1000,
    head: signHead(ourKey, tree, size),
  }));

  it('a summary paragraph when the log matches', () => {
    const report = checkLog({
      scan: scanOf(events, heads),
      record: recordOf(events),
      trustedKey: ourKey.publicKeyRaw,
    });
    expect(checkLines(report)).toEqual({
      ok: true,
      lines: [
        `The log of 60 events, recomputed from the events, matches all 2 signed tree heads; the latest covers 50 (signed at ${heads[1]!.head.signedAt}, key ${ourKey.keyId}). 10 later events await the next head. The audit record (audit.sqlite) agrees leaf by leaf.`,
      ],
    });
  });

  it('the first divergence first, then the others, the failing heads and a verdict', () => {
    const damaged = events
      .filter((event) => event.position !== 33)
      .map((event) => (event.position === 12 ? { ...event, type: 'TaskTerminated' } : event));
    const forged = {
      ...heads[0]!,
      position: 999,
      head: { ...heads[0]!.head, signedAt: '2021-01-01T00:00:00.000Z' },
    };
    const { ok, lines } = checkLines(
      checkLog({
        scan: scanOf(damaged, [...heads, forged]),
        record: recordOf(events),
        trustedKey: ourKey.publicKeyRaw,
      }),
    );
    expect(ok).toBe(false);
    expect(lines).toEqual([
      'first divergence at position 12: the event differs from the one the signed head at position 1020 (tree size 20) covers (changed after it was signed)',
      'also at position 33: event missing: position 33 absent between position 32 and 34 (deleted from the log)',
      'head at position 999 (tree size 20): signature does not verify',
      'check FAILED: 2 divergences; 1 head does not verify',
    ]);
  });
});
