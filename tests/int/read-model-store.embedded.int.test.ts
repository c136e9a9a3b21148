import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  type EmbeddedReadModelStore,
  openEmbeddedReadModelStore,
} from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import {
  filterToSql,
  keysetSql,
  sortToSql,
} from '../../infra/read-model-store/embedded/filter-sql.ts';
import { CheckpointMovedError, StaleTermError } from '../../infra/read-model-store/port.ts';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance.ts';

const root = mkdtempSync(join(tmpdir(), 'read-model-store-'));
let opened = 0;
let lastPath = '';

/** A file in a directory that does not exist yet, so opening has to create it. */
function freshPath(): string {
  opened += 1;
  return join(root, `store-${opened}`, 'read-models.sqlite');
}

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describeReadModelStoreConformance('embedded, on disk', {
  async open() {
    lastPath = freshPath();
    return openEmbeddedReadModelStore({ path: lastPath });
  },
  async reopen() {
    return openEmbeddedReadModelStore({ path: lastPath });
  },
});

describeReadModelStoreConformance('embedded, in memory', {
  async open() {
    return openEmbeddedReadModelStore({ path: ':memory:' });
  },
});

describe('the embedded read-model store', () => {
  let path: string;
  let store: EmbeddedReadModelStore;

  beforeEach(() => {
    path = freshPath();
    store = openEmbeddedReadModelStore({ path });
  });

  afterEach(async () => {
    await store.close();
  });

  it('writes nothing when a document of the batch cannot be serialised', async () => {
    await store.commit('p', [{ collection: 'tasks', id: 'a', doc: { v: 1 } }], { from: 0, to: 1 });
    const commit = store.commit(
      'p',
      [
        { collection: 'tasks', id: 'a', doc: { v: 2 } },
        { collection: 'tasks', id: 'b', doc: { v: 1 } },
        { collection: 'tasks', id: 'c', doc: { big: 10n } },
      ],
      { from: 1, to: 2 },
    );
    await expect(commit).rejects.toThrow(TypeError);
    expect(await store.get('tasks', 'a')).toEqual({ v: 1 });
    expect(await store.get('tasks', 'b')).toBeNull();
    expect(await store.getCheckpoint('p')).toBe(1);
    // The failed transaction is gone: the same step can be committed properly.
    await store.commit('p', [{ collection: 'tasks', id: 'b', doc: { v: 1 } }], { from: 1, to: 2 });
    expect(await store.getCheckpoint('p')).toBe(2);
  });

  it('refuses a document that is not an object', async () => {
    const notObjects = [[1, 2], 'text', 5] as unknown as Record<string, unknown>[];
    for (const doc of notObjects) {
      await expect(
        store.commit('p', [{ collection: 'tasks', id: 'a', doc }], { from: 0, to: 1 }),
      ).rejects.toThrow(TypeError);
    }
    expect(await store.getCheckpoint('p')).toBe(0);
  });

  it('refuses positions that are not whole numbers before touching anything', async () => {
    await expect(store.commit('p', [], { from: -1, to: 1 })).rejects.toThrow(TypeError);
    await expect(store.commit('p', [], { from: 0, to: 1.5 })).rejects.toThrow(TypeError);
    await expect(store.commit('p', [], { from: 0, to: 0 })).rejects.toThrow(CheckpointMovedError);
  });

  it('lets another connection read the file while it is open, in WAL mode', async () => {
    await store.commit('p', [{ collection: 'tasks', id: 'a', doc: { v: 1 } }], { from: 0, to: 3 });
    const reader = new DatabaseSync(path, { readOnly: true });
    try {
      expect(reader.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(reader.prepare('SELECT doc FROM documents').all()).toEqual([{ doc: '{"v":1}' }]);
      expect(reader.prepare('SELECT position FROM checkpoints').get()).toEqual({ position: 3 });
    } finally {
      reader.close();
    }
  });

  it('indexes a field of a collection on request, once', async () => {
    await store.ensureIndex('tasks', 'status');
    await store.ensureIndex('tasks', 'status');
    await store.ensureIndex("it's", 'status');
    await expect(store.ensureIndex('tasks', 'a.b')).rejects.toThrow(TypeError);
    const docs = ['open', 'closed', 'open'].map((status, index) => ({
      collection: 'tasks',
      id: `t${index}`,
      doc: { status },
    }));
    await store.commit('p', docs, { from: 0, to: 1 });
    expect(await store.find('tasks', { filter: { status: 'open' } })).toMatchObject({ total: 2 });
    await store.close();

    const db = new DatabaseSync(path);
    try {
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all();
      expect(
        indexes.map((row) => row.name).filter((name) => String(name).startsWith('documents.')),
      ).toEqual(['documents.status.tasks', "documents.status.it's"]);
      const filter = filterToSql({ status: 'open' });
      const sql =
        `SELECT doc FROM documents WHERE collection = ? AND ${filter.sql} ` +
        sortToSql([{ field: 'status', direction: 'asc' }]);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('tasks', ...filter.params);
      expect(plan.map((row) => row.detail).join('\n')).toContain('documents.status.tasks');
      // A keyset page seeks into the index instead of sorting the collection.
      const keyset = keysetSql([{ field: 'status', direction: 'asc' }], {
        value: 'open',
        id: 't0',
      });
      const page = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT doc FROM documents WHERE collection = ? AND ${keyset.sql} ` +
            `${sortToSql([{ field: 'status', direction: 'asc' }])} LIMIT 2`,
        )
        .all('tasks', ...keyset.params)
        .map((row) => row.detail)
        .join('\n');
      expect(page).toContain('USING INDEX documents.status.tasks');
      expect(page).not.toContain('TEMP B-TREE');
    } finally {
      db.close();
    }
    store = openEmbeddedReadModelStore({ path });
  });

  it('commits batches of a few hundred changes in turn', async () => {
    const batch = (round: number) =>
      Array.from({ length: 300 }, (_, index) => ({
        collection: 'tasks',
        id: `t${index}`,
        doc: { title: `任务 ${index}`, round, tags: ['a', 'b'], assignee: { id: `u${index % 7}` } },
      }));
    await store.commit('p', batch(0), { from: 0, to: 1 });
    for (let round = 1; round <= 10; round += 1) {
      await store.commit('p', batch(round), { from: round, to: round + 1 });
    }
    expect(await store.getCheckpoint('p')).toBe(11);
    expect(await store.get('tasks', 't299')).toMatchObject({ round: 10 });
  });

  it('gives a file made before commits were fenced its term column', async () => {
    await store.close();
    const old = join(root, `old-${opened}.sqlite`);
    const db = new DatabaseSync(old);
    db.exec('CREATE TABLE checkpoints (projector_id TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    db.exec("INSERT INTO checkpoints VALUES ('p', 2)");
    db.close();
    store = openEmbeddedReadModelStore({ path: old });
    await store.commit('p', [], { from: 2, to: 3, term: 2 });
    await expect(store.commit('p', [], { from: 3, to: 4, term: 1 })).rejects.toBeInstanceOf(
      StaleTermError,
    );
    expect(await store.getCheckpoint('p')).toBe(3);
  });

  it('can be closed twice', async () => {
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
