import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { leafHash } from '../../domain/merkle/hashes.ts';
import {
  consistencyProof,
  inclusionProof,
  memorySubtreeSource,
  rootHash,
} from '../../domain/merkle/tree.ts';
import type { EventStore, NewEvent } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { loadOrCreateSigningKey } from '../../infra/keys/signing-key.ts';
import type { AuditEntry } from '../../services/audit/audit-entry.ts';
import { createAuditIndexer } from '../../services/audit/indexer.ts';
import { checkIndexedTail } from '../../services/audit/tail-check.ts';
import type { TreeStore } from '../../services/audit/tree-store.ts';
import { TreeMovedError } from '../../services/audit/tree-store.ts';
import { auditTrees } from '../support/audit-trees.ts';
import { tempDir } from '../support/int-fixtures.ts';

const temp = tempDir('audit-tree-store');
afterAll(() => temp.remove());

const open = auditTrees();

const leafOf = (position: number): Buffer => leafHash(Buffer.from(`event at ${position}`));

const entry = (position: number): AuditEntry => ({
  position,
  leafHash: leafOf(position),
  history: {
    position,
    streamId: `task-${position % 7}`,
    type: position % 2 === 0 ? 'TaskRegistered' : 'MilestonePlanned',
    actorId: `actor-${position % 3}`,
    actorRole: 'office',
    unitId: null,
    recordedAt: '2021-03-01T08:00:00.000Z',
    businessDate: '2021-03-01',
  },
});

/** Entries for positions from…to, inclusive. */
const entries = (from: number, to: number): AuditEntry[] =>
  Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));

/** Appends leaves 1…total in pages of the given sizes (the last size repeats). */
const appendInPages = (tree: TreeStore, total: number, sizes: number[]) => {
  let next = tree.size + 1;
  for (let i = 0; next <= total; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)]!;
    const last = Math.min(total, next + size - 1);
    tree.appendPage(entries(next, last));
    next = last + 1;
  }
};

const reference = (size: number) =>
  memorySubtreeSource(Array.from({ length: size }, (_, i) => leafOf(i + 1)));

const tableCounts = (db: DatabaseSync) => ({
  leaves: (db.prepare('SELECT count(*) AS n FROM leaves').get() as { n: number }).n,
  nodes: (db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n,
  history: (db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n,
  checkpoint: (db.prepare('SELECT tree_size AS n FROM checkpoint').get() as { n: number }).n,
});

/** Every stored node equals the full build's, and every perfect subtree is stored. */
const expectNodesMatch = (db: DatabaseSync, size: number) => {
  const full = reference(size);
  const rows = db.prepare('SELECT level, idx, hash FROM nodes').all() as {
    level: number;
    idx: number;
    hash: Uint8Array;
  }[];
  for (const row of rows) {
    expect(Buffer.from(row.hash)).toEqual(full.subtree(row.level, row.idx));
  }
  let perfect = 0;
  for (let level = 1; 2 ** level <= size; level++) perfect += Math.floor(size / 2 ** level);
  expect(rows).toHaveLength(perfect);
};

describe('a tree store filled page by page', () => {
  it('holds the same subtrees, roots and proofs as a full build, whatever the page sizes', () => {
    for (const sizes of [[1], [3, 5, 8], [64], [1000]]) {
      const { db, tree } = open(temp.file('audit.sqlite'));
      appendInPages(tree, 300, sizes);
      expect(tree.size).toBe(300);
      expectNodesMatch(db, 300);
      const full = reference(300);
      for (const size of [1, 2, 7, 64, 255, 300]) {
        expect(rootHash(tree, size)).toEqual(rootHash(full, size));
        expect(inclusionProof(tree, size - 1, size)).toEqual(inclusionProof(full, size - 1, size));
        expect(consistencyProof(tree, 1, size)).toEqual(consistencyProof(full, 1, size));
      }
      expect(tree.leafHash(300)).toEqual(leafOf(300));
      expect(tree.leafHash(301)).toBeNull();
      expect(tree.leafHash(0)).toBeNull();
    }
  });

  it('writes leaves, subtrees, history rows and the checkpoint together', () => {
    const { db, tree } = open(temp.file('audit.sqlite'));
    appendInPages(tree, 37, [10]);
    expect(tableCounts(db)).toEqual({ leaves: 37, nodes: 37 - 3, history: 37, checkpoint: 37 });
  });
});

describe('a tree store opened again', () => {
  it('keeps everything and goes on where it stopped', () => {
    const path = temp.file('audit.sqlite');
    const first = open(path);
    appendInPages(first.tree, 100, [30]);
    const rootBefore = rootHash(first.tree, 100);
    first.tree.close();

    const again = open(path);
    expect(again.tree.size).toBe(100);
    expect(rootHash(again.tree, 100)).toEqual(rootBefore);
    appendInPages(again.tree, 211, [17]);
    expectNodesMatch(again.db, 211);
    expect(rootHash(again.tree, 211)).toEqual(rootHash(reference(211), 211));
  });
});

describe('a page that fails inside its transaction', () => {
  it('leaves the store at the previous checkpoint, and the next page goes on from there', () => {
    const path = temp.file('audit.sqlite');
    const { db, tree } = open(path);
    appendInPages(tree, 20, [20]);
    const before = tableCounts(db);
    // The seventh entry breaks a NOT NULL constraint after six were written.
    const page = entries(21, 30);
    page[6] = { ...page[6]!, leafHash: null as unknown as Buffer };
    expect(() => tree.appendPage(page)).toThrow(/NOT NULL/);
    expect(tree.size).toBe(20);
    expect(tableCounts(db)).toEqual(before);
    expect(db.isTransaction).toBe(false);

    appendInPages(tree, 45, [25]);
    expectNodesMatch(db, 45);
    expect(tableCounts(db)).toEqual({ leaves: 45, nodes: 45 - 4, history: 45, checkpoint: 45 });
  });

  it('is the same after a restart: nothing of the failed page is stored', () => {
    const path = temp.file('audit.sqlite');
    const first = open(path);
    appendInPages(first.tree, 8, [8]);
    const page = entries(9, 16);
    page[5] = {
      ...page[5]!,
      history: { ...page[5]!.history, streamId: null as unknown as string },
    };
    expect(() => first.tree.appendPage(page)).toThrow();
    first.tree.close();

    const again = open(path);
    expect(tableCounts(again.db)).toEqual({ leaves: 8, nodes: 7, history: 8, checkpoint: 8 });
    appendInPages(again.tree, 16, [8]);
    expect(rootHash(again.tree, 16)).toEqual(rootHash(reference(16), 16));
  });
});

describe('a page that does not follow the checkpoint', () => {
  it('is refused as moved when another writer went first, and nothing is written', () => {
    const path = temp.file('audit.sqlite');
    const one = open(path);
    const two = open(path);
    one.tree.appendPage(entries(1, 10));
    expect(() => two.tree.appendPage(entries(1, 10))).toThrow(TreeMovedError);
    expect(two.tree.size).toBe(10);
    two.tree.appendPage(entries(11, 15));
    one.tree.refresh();
    expect(one.tree.size).toBe(15);
    one.tree.appendPage(entries(16, 20));
    expectNodesMatch(one.db, 20);
  });

  it('is refused when its positions do not increase', () => {
    const { db, tree } = open(temp.file('audit.sqlite'));
    tree.appendPage(entries(1, 4));
    expect(() => tree.appendPage([entry(5), entry(5)])).toThrow(/entry at 5 after 5/);
    expect(tableCounts(db).leaves).toBe(4);
  });
});

describe('the signing key file', () => {
  it('is generated on first start, readable by the owner only, and reused after', () => {
    const file = `${temp.file('keys')}/audit-signing-key.pem`;
    const first = loadOrCreateSigningKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateSigningKey(file);
    expect(again.keyId).toBe(first.keyId);
    expect(again.publicKeyRaw).toEqual(first.publicKeyRaw);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
  });

  it('that holds another kind of key stops start-up naming the variable', () => {
    const file = temp.file('rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(() => loadOrCreateSigningKey(file)).toThrow(/^AUDIT_SIGNING_KEY_FILE=.*not Ed25519/);
  });

  it('that holds no key at all stops start-up naming the variable', () => {
    const file = temp.file('garbage.pem');
    writeFileSync(file, 'not a key\n');
    expect(() => loadOrCreateSigningKey(file)).toThrow(/^AUDIT_SIGNING_KEY_FILE=/);
  });
});

describe('the check of the indexed tail at start', () => {
  const logEvent = (note: string): NewEvent => ({
    id: randomUUID(),
    type: 'ProbeNoted',
    version: 1,
    data: { note },
    metadata: {
      actor: { id: 'office-1', role: 'office' },
      correlationId: 'c',
      causationId: 'c',
      idempotencyKey: randomUUID(),
      recordedAt: '2021-03-01T08:00:00.000Z',
    },
    recordedAt: '2021-03-01T08:00:00.000Z',
  });

  /** An event store holding one event per note, in one stream. */
  const storeOf = async (notes: string[]) => {
    const store = openSqliteEventStore({ path: temp.file('events.sqlite') });
    for (const [revision, note] of notes.entries()) {
      await store.appendToStream('probe-1', [logEvent(note)], {
        expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
      });
    }
    return store;
  };

  const indexed = async (store: EventStore) => {
    const { tree } = open(temp.file('audit.sqlite'));
    await createAuditIndexer({ eventStore: store, tree, batchSize: 2 }).catchUp();
    return tree;
  };

  it('finds nothing wrong with the log the index was built from', async () => {
    const store = await storeOf(['a', 'b', 'c']);
    const tree = await indexed(store);
    expect(tree.size).toBe(3);
    expect(await checkIndexedTail(store, tree)).toBeNull();
    await store.close();
  });

  it('names a log that ends before the index', async () => {
    const original = await storeOf(['a', 'b', 'c']);
    const tree = await indexed(original);
    const shorter = await storeOf(['a', 'b']);
    expect(await checkIndexedTail(shorter, tree)).toMatch(/ends before position 3.*truncated/);
    await Promise.all([original.close(), shorter.close()]);
  });

  it('names a log whose last indexed event hashes otherwise', async () => {
    const original = await storeOf(['a', 'b', 'c']);
    const tree = await indexed(original);
    const other = await storeOf(['a', 'b', 'changed']);
    expect(await checkIndexedTail(other, tree)).toMatch(/position 3 .*altered/);
    await Promise.all([original.close(), other.close()]);
  });
});
