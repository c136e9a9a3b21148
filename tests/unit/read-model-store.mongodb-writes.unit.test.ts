import {
  documentsCollection,
  fieldIndexes,
  writesByCollection,
} from '../../infra/read-model-store/mongodb/collections.ts';
import { openMongoReadModelStore } from '../../infra/read-model-store/mongodb/mongodb-read-model-store.ts';
import { transactionsUnsupported } from '../../infra/read-model-store/mongodb/replica-set.ts';
import { type DocumentChange, maxOffset } from '../../infra/read-model-store/port.ts';
import {
  assertCount,
  assertPosition,
  plainDocument,
} from '../../infra/read-model-store/shared/arguments.ts';

describe('the MongoDB collection of a read-model collection', () => {
  it('is the name under the read-model prefix', () => {
    expect(documentsCollection('dubanju', 'tasks')).toBe('rm.tasks');
    expect(documentsCollection('dubanju', 'board_tasks')).toBe('rm.board_tasks');
    expect(documentsCollection('dubanju', 'it’s a 名字')).toBe('rm.it’s a 名字');
  });

  it.each(['', 'a$b', 'a\0b', 'x'.repeat(250)])('refuses the name %j', (name) => {
    expect(() => documentsCollection('dubanju', name)).toThrow(TypeError);
  });
});

describe('the indexes of a field', () => {
  it('cover the field then the id, for ascending and descending sorts with ties by id ascending', () => {
    expect(fieldIndexes('status')).toEqual([
      { key: { 'doc.status': 1, _id: 1 }, name: 'doc.status' },
      { key: { 'doc.status': -1, _id: 1 }, name: 'doc.status_desc' },
    ]);
  });

  it('refuse a field that is not a plain name', () => {
    expect(() => fieldIndexes('a.b')).toThrow(TypeError);
  });
});

describe("a batch's changes as MongoDB writes", () => {
  const put = (collection: string, id: string, doc: Record<string, unknown>): DocumentChange => ({
    collection,
    id,
    doc,
  });

  it('groups them by collection, in their order within each', () => {
    const writes = writesByCollection('db', [
      put('tasks', 'a', { v: 1 }),
      put('units', 'a', { name: '教育局' }),
      { collection: 'tasks', id: 'a', doc: null },
      put('tasks', 'a', { v: 2 }),
    ]);
    expect([...writes.keys()]).toEqual(['rm.tasks', 'rm.units']);
    expect(writes.get('rm.tasks')).toEqual([
      { replaceOne: { filter: { _id: 'a' }, replacement: { doc: { v: 1 } }, upsert: true } },
      { deleteOne: { filter: { _id: 'a' } } },
      { replaceOne: { filter: { _id: 'a' }, replacement: { doc: { v: 2 } }, upsert: true } },
    ]);
    expect(writes.get('rm.units')).toEqual([
      {
        replaceOne: {
          filter: { _id: 'a' },
          replacement: { doc: { name: '教育局' } },
          upsert: true,
        },
      },
    ]);
  });

  it('has nothing to write for no changes', () => {
    expect(writesByCollection('db', []).size).toBe(0);
  });

  it('stores documents as JSON reads them back', () => {
    const at = new Date('2025-03-01T08:30:00.000Z');
    const writes = writesByCollection('db', [put('tasks', 'a', { at, gone: undefined, n: [1] })]);
    expect(writes.get('rm.tasks')).toEqual([
      {
        replaceOne: {
          filter: { _id: 'a' },
          replacement: { doc: { at: '2025-03-01T08:30:00.000Z', n: [1] } },
          upsert: true,
        },
      },
    ]);
  });

  it('refuses the whole batch when one document cannot be stored', () => {
    const changes = [put('tasks', 'a', { v: 1 }), put('tasks', 'b', { big: 10n })];
    expect(() => writesByCollection('db', changes)).toThrow(TypeError);
    const notObjects = [[1], 'text', 5].map(
      (doc) => ({ collection: 'tasks', id: 'x', doc }) as unknown as DocumentChange,
    );
    for (const change of notObjects) {
      expect(() => writesByCollection('db', [change])).toThrow(/is not an object/);
    }
  });
});

describe('the arguments of a read-model call', () => {
  it('take whole positions and counts from 0', () => {
    expect(() => assertPosition('from', 0)).not.toThrow();
    expect(() => assertCount('limit', undefined)).not.toThrow();
    expect(() => assertCount('limit', 0)).not.toThrow();
  });

  it('refuse negative and fractional ones, naming them', () => {
    expect(() => assertPosition('from', -1)).toThrow('checkpoint from -1 is not a position');
    expect(() => assertPosition('to', 1.5)).toThrow(TypeError);
    expect(() => assertCount('offset', -2)).toThrow('read-model query offset -2 is not a count');
  });

  it('copy a document as plain JSON', () => {
    const doc = { nested: { list: [1, 'two'] } };
    const copy = plainDocument({ collection: 'c', id: 'i', doc });
    expect(copy).toEqual(doc);
    expect(copy).not.toBe(doc);
  });
});

describe('a MongoDB server asked whether it runs transactions', () => {
  it('does as a replica set member', () => {
    const hello = { setName: 'rs0', isWritablePrimary: true, logicalSessionTimeoutMinutes: 30 };
    expect(transactionsUnsupported(hello)).toBeUndefined();
  });

  it('does as the mongos of a sharded cluster', () => {
    expect(
      transactionsUnsupported({ msg: 'isdbgrid', logicalSessionTimeoutMinutes: 30 }),
    ).toBeUndefined();
  });

  it('does not as a standalone mongod, and says how to fix it', () => {
    const problem = transactionsUnsupported({
      isWritablePrimary: true,
      logicalSessionTimeoutMinutes: 30,
    });
    expect(problem).toMatch(/standalone/);
    expect(problem).toMatch(/--replSet/);
  });

  it('does not without logical sessions', () => {
    expect(transactionsUnsupported({ setName: 'rs0' })).toMatch(/sessions/);
  });
});

describe('a MongoDB query paged by offset', () => {
  it('is refused past the largest offset, before anything is sent', async () => {
    const store = openMongoReadModelStore({ url: 'mongodb://127.0.0.1:9', database: 'none' });
    try {
      await expect(store.find('tasks', { offset: maxOffset + 1, limit: 10 })).rejects.toThrow(
        `read-model query offset ${maxOffset + 1} is over ${maxOffset}: page by after`,
      );
    } finally {
      await store.close();
    }
  });
});
