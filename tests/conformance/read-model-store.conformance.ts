import {
  CheckpointMovedError,
  type DocumentChange,
  type FindQuery,
  type ReadModelStore,
  type Scalar,
  StaleTermError,
} from '../../infra/read-model-store/port.ts';

/** How the suite gets stores from an adapter. */
export interface ReadModelStoreHarness {
  /** An empty store: fresh storage, or storage the harness has reset. */
  open(): Promise<ReadModelStore>;
  /**
   * A new store on the storage of the one `open` returned last, which the suite
   * has closed, or which is still open (a second process on the same storage).
   * Without it the durability tests are not declared.
   */
  reopen?(): Promise<ReadModelStore>;
}

type Doc = Record<string, unknown> & { id: string };

const SEEDER = 'conformance-seeder';

const TASKS: Doc[] = [
  {
    id: 't1',
    title: '督办报告',
    status: 'open',
    priority: 3,
    progress: 0.5,
    urgent: true,
    dueAt: '2024-03-01T08:00:00.000Z',
    assignee: 'alice',
  },
  {
    id: 't2',
    title: 'Budget',
    status: 'open',
    priority: 1,
    progress: 0,
    urgent: false,
    dueAt: '2024-01-15T00:00:00.000Z',
    assignee: null,
  },
  {
    id: 't3',
    title: 'Census',
    status: 'closed',
    priority: 2,
    progress: 1,
    urgent: false,
    dueAt: '2024-02-10T12:30:00.000Z',
  },
  {
    id: 't4',
    title: 'Drainage',
    status: 'overdue',
    priority: 3,
    progress: 0.75,
    urgent: true,
    dueAt: null,
    assignee: 'bob',
  },
  {
    id: 't5',
    title: 'Energy',
    status: 'open',
    priority: 5,
    progress: 0.1,
    urgent: true,
    dueAt: '2024-12-31T23:59:59.999Z',
    assignee: 'alice',
  },
  {
    id: 't6',
    title: 'Forestry',
    status: 'closed',
    priority: 1,
    progress: 1,
    urgent: false,
    assignee: 'carol',
  },
];

/** One field holding values of every JSON scalar type, to check types never mix. */
const VALUES: Doc[] = [
  { id: 'v1', value: 1 },
  { id: 'v2', value: 2 },
  { id: 'v3', value: '1' },
  { id: 'v4', value: '2' },
  { id: 'v5', value: true },
  { id: 'v6', value: false },
  { id: 'v7', value: 0 },
  { id: 'v8', value: null },
  { id: 'v9' },
];

function put(collection: string, doc: Doc): DocumentChange {
  return { collection, id: doc.id, doc };
}

/** Writes documents through a projector of its own, as a projector would. */
async function seed(store: ReadModelStore, collection: string, docs: Doc[]): Promise<void> {
  const from = await store.getCheckpoint(SEEDER);
  await store.commit(
    SEEDER,
    docs.map((doc) => put(collection, doc)),
    { from, to: from + 1 },
  );
}

/** Scrambled, so that an id-ordered result is the store's doing. */
function scrambled(docs: Doc[]): Doc[] {
  return docs
    .map((doc, index) => ({ doc, key: (index * 7 + 3) % docs.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ doc }) => doc);
}

/**
 * The behaviour every ReadModelStore adapter must show, written against the port
 * only, so each adapter runs the identical suite from its own test file.
 */
export function describeReadModelStoreConformance(
  adapterName: string,
  harness: ReadModelStoreHarness,
): void {
  describe(`read-model store (${adapterName})`, () => {
    let store: ReadModelStore;

    beforeEach(async () => {
      store = await harness.open();
    });

    afterEach(async () => {
      await store.close();
    });

    async function findIds(collection: string, query?: FindQuery): Promise<string[]> {
      const result = await store.find<Doc>(collection, query);
      return result.items.map((doc) => doc.id);
    }

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('reading documents by id', () => {
      it('returns null for a document that does not exist', async () => {
        expect(await store.get('tasks', 'nope')).toBeNull();
      });

      it('returns the document a commit wrote', async () => {
        await seed(store, 'tasks', TASKS);
        expect(await store.get('tasks', 't3')).toStrictEqual(TASKS[2]);
      });

      it('returns an empty map when none of the ids exist', async () => {
        await seed(store, 'tasks', TASKS);
        const found = await store.getMany('tasks', ['x', 'y']);
        expect(found.size).toBe(0);
        expect((await store.getMany('tasks', [])).size).toBe(0);
      });

      it('returns the found documents keyed by id and leaves the missing ones out', async () => {
        await seed(store, 'tasks', TASKS);
        const found = await store.getMany<Doc>('tasks', ['t5', 'missing', 't1']);
        expect([...found.keys()].sort()).toEqual(['t1', 't5']);
        expect(found.get('t1')).toStrictEqual(TASKS[0]);
        expect(found.get('t5')).toStrictEqual(TASKS[4]);
      });

      it('round-trips a document exactly', async () => {
        const doc: Doc = {
          id: 'rich',
          title: '关于加强督查督办工作的通知',
          emptyText: '',
          quotes: 'it\'s "quoted" \\ and\nsplit',
          integer: 42,
          negative: -7,
          fraction: 1234.5678,
          tiny: 1e-9,
          large: Number.MAX_SAFE_INTEGER,
          zero: 0,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', { three: 3 }, [4], null, false],
          emptyList: [],
          emptyObject: {},
          nested: { level: { deeper: { value: '深', flags: [true, false] } } },
        };
        await seed(store, 'docs', [doc]);
        expect(await store.get('docs', 'rich')).toStrictEqual(doc);
        expect((await store.find('docs')).items).toStrictEqual([doc]);
      });
    });

    describe('filtering', () => {
      beforeEach(async () => {
        await seed(store, 'tasks', scrambled(TASKS));
        await seed(store, 'values', scrambled(VALUES));
      });

      it('returns every document, in id order, without a filter', async () => {
        const result = await store.find<Doc>('tasks');
        expect(result.items).toStrictEqual(TASKS);
        expect(result.total).toBe(6);
        expect(await findIds('tasks', { filter: {} })).toEqual([
          't1',
          't2',
          't3',
          't4',
          't5',
          't6',
        ]);
      });

      it('matches a field equal to a string, a number or a boolean', async () => {
        expect(await findIds('tasks', { filter: { status: 'open' } })).toEqual(['t1', 't2', 't5']);
        expect(await findIds('tasks', { filter: { title: '督办报告' } })).toEqual(['t1']);
        expect(await findIds('tasks', { filter: { priority: 3 } })).toEqual(['t1', 't4']);
        expect(await findIds('tasks', { filter: { progress: 0.75 } })).toEqual(['t4']);
        expect(await findIds('tasks', { filter: { urgent: true } })).toEqual(['t1', 't4', 't5']);
        expect(await findIds('tasks', { filter: { urgent: false } })).toEqual(['t2', 't3', 't6']);
      });

      it('matches null against a null field and a missing one', async () => {
        expect(await findIds('tasks', { filter: { assignee: null } })).toEqual(['t2', 't3']);
        expect(await findIds('tasks', { filter: { dueAt: { $eq: null } } })).toEqual(['t4', 't6']);
      });

      it('never matches a value of another type', async () => {
        expect(await findIds('values', { filter: { value: 1 } })).toEqual(['v1']);
        expect(await findIds('values', { filter: { value: 0 } })).toEqual(['v7']);
        expect(await findIds('values', { filter: { value: '1' } })).toEqual(['v3']);
        expect(await findIds('values', { filter: { value: true } })).toEqual(['v5']);
        expect(await findIds('values', { filter: { value: false } })).toEqual(['v6']);
        expect(await findIds('values', { filter: { value: null } })).toEqual(['v8', 'v9']);
        expect(await findIds('values', { filter: { value: { $gt: 0 } } })).toEqual(['v1', 'v2']);
        expect(await findIds('values', { filter: { value: { $gte: '1' } } })).toEqual(['v3', 'v4']);
        expect(await findIds('values', { filter: { value: { $in: [1, true] } } })).toEqual([
          'v1',
          'v5',
        ]);
      });

      it('treats $eq as plain equality', async () => {
        expect(await findIds('tasks', { filter: { status: { $eq: 'closed' } } })).toEqual([
          't3',
          't6',
        ]);
        expect(await findIds('tasks', { filter: { urgent: { $eq: true } } })).toEqual([
          't1',
          't4',
          't5',
        ]);
      });

      it('keeps null and missing fields with $ne, and drops them with $ne null', async () => {
        expect(await findIds('tasks', { filter: { assignee: { $ne: 'alice' } } })).toEqual([
          't2',
          't3',
          't4',
          't6',
        ]);
        expect(await findIds('tasks', { filter: { assignee: { $ne: null } } })).toEqual([
          't1',
          't4',
          't5',
          't6',
        ]);
        expect(await findIds('tasks', { filter: { urgent: { $ne: true } } })).toEqual([
          't2',
          't3',
          't6',
        ]);
        expect(await findIds('values', { filter: { value: { $ne: 1 } } })).toEqual([
          'v2',
          'v3',
          'v4',
          'v5',
          'v6',
          'v7',
          'v8',
          'v9',
        ]);
      });

      it('matches any of the values given to $in', async () => {
        expect(
          await findIds('tasks', { filter: { status: { $in: ['closed', 'overdue'] } } }),
        ).toEqual(['t3', 't4', 't6']);
        expect(await findIds('tasks', { filter: { priority: { $in: [1, 5] } } })).toEqual([
          't2',
          't5',
          't6',
        ]);
        expect(await findIds('tasks', { filter: { assignee: { $in: ['bob', null] } } })).toEqual([
          't2',
          't3',
          't4',
        ]);
      });

      it('matches nothing with an empty $in', async () => {
        const result = await store.find('tasks', { filter: { status: { $in: [] } } });
        expect(result).toEqual({ items: [], total: 0 });
      });

      it('compares numbers with $gt, $gte, $lt and $lte', async () => {
        const ids = (priority: Record<string, number>) =>
          findIds('tasks', { filter: { priority } });
        expect(await ids({ $gt: 2 })).toEqual(['t1', 't4', 't5']);
        expect(await ids({ $gte: 3 })).toEqual(['t1', 't4', 't5']);
        expect(await ids({ $lt: 2 })).toEqual(['t2', 't6']);
        expect(await ids({ $lte: 2 })).toEqual(['t2', 't3', 't6']);
        expect(await ids({ $gt: 1, $lt: 5 })).toEqual(['t1', 't3', 't4']);
        expect(await findIds('tasks', { filter: { progress: { $gt: 0.5 } } })).toEqual([
          't3',
          't4',
          't6',
        ]);
        expect(await findIds('tasks', { filter: { progress: { $lte: 0.1 } } })).toEqual([
          't2',
          't5',
        ]);
      });

      it('compares ISO dates as strings, leaving out null and missing ones', async () => {
        const ids = (dueAt: Record<string, string>) => findIds('tasks', { filter: { dueAt } });
        expect(await ids({ $lt: '2024-02-01T00:00:00.000Z' })).toEqual(['t2']);
        expect(await ids({ $gte: '2024-02-01', $lt: '2024-04-01' })).toEqual(['t1', 't3']);
        expect(await ids({ $gt: '2024-03-01T08:00:00.000Z' })).toEqual(['t5']);
        expect(await ids({ $lte: '2024-03-01T08:00:00.000Z' })).toEqual(['t1', 't2', 't3']);
      });

      it('requires every condition to hold', async () => {
        expect(
          await findIds('tasks', {
            filter: { status: 'open', urgent: true, priority: { $gte: 3 } },
          }),
        ).toEqual(['t1', 't5']);
        expect(
          await findIds('tasks', {
            filter: { status: { $in: ['open', 'closed'] }, assignee: { $ne: null } },
          }),
        ).toEqual(['t1', 't5', 't6']);
        expect(await findIds('tasks', { filter: { status: 'open', priority: 2 } })).toEqual([]);
      });

      it('returns nothing and a zero total when nothing matches', async () => {
        expect(await store.find('tasks', { filter: { status: 'archived' } })).toEqual({
          items: [],
          total: 0,
        });
        expect(await store.find('nobody-wrote-here')).toEqual({ items: [], total: 0 });
      });

      it('refuses field names that are not plain top-level names', async () => {
        for (const field of ['a.b', '$where', "x') OR 1=1 --", '', 'a b']) {
          await expect(store.find('tasks', { filter: { [field]: 1 } })).rejects.toThrow();
          await expect(
            store.find('tasks', { sort: [{ field, direction: 'asc' }] }),
          ).rejects.toThrow();
        }
      });

      it('binds values rather than trusting them', async () => {
        const hostile = "open' OR '1'='1";
        expect(await findIds('tasks', { filter: { status: hostile } })).toEqual([]);
        expect(await findIds('tasks', { filter: { status: { $in: [hostile] } } })).toEqual([]);
      });
    });

    describe('sorting', () => {
      beforeEach(async () => {
        await seed(store, 'tasks', scrambled(TASKS));
      });

      const sorted = (field: string, direction: 'asc' | 'desc', filter = {}) =>
        findIds('tasks', { filter, sort: [{ field, direction }] });

      it('sorts numbers ascending and descending, ties broken by id', async () => {
        expect(await sorted('priority', 'asc')).toEqual(['t2', 't6', 't3', 't1', 't4', 't5']);
        expect(await sorted('priority', 'desc')).toEqual(['t5', 't1', 't4', 't3', 't2', 't6']);
      });

      it('sorts strings ascending and descending', async () => {
        expect(await sorted('title', 'asc')).toEqual(['t2', 't3', 't4', 't5', 't6', 't1']);
        expect(await sorted('title', 'desc')).toEqual(['t1', 't6', 't5', 't4', 't3', 't2']);
      });

      it('puts null and missing values first ascending and last descending', async () => {
        expect(await sorted('dueAt', 'asc')).toEqual(['t4', 't6', 't2', 't3', 't1', 't5']);
        expect(await sorted('dueAt', 'desc')).toEqual(['t5', 't1', 't3', 't2', 't4', 't6']);
      });

      it('sorts booleans false before true', async () => {
        expect(await sorted('urgent', 'asc')).toEqual(['t2', 't3', 't6', 't1', 't4', 't5']);
      });

      it('sorts by several keys in turn', async () => {
        expect(
          await findIds('tasks', {
            sort: [
              { field: 'status', direction: 'asc' },
              { field: 'priority', direction: 'desc' },
            ],
          }),
        ).toEqual(['t3', 't6', 't5', 't1', 't2', 't4']);
        expect(
          await findIds('tasks', {
            sort: [
              { field: 'urgent', direction: 'desc' },
              { field: 'title', direction: 'asc' },
            ],
          }),
        ).toEqual(['t4', 't5', 't1', 't2', 't3', 't6']);
      });

      it('sorts only the documents that match the filter', async () => {
        expect(await sorted('priority', 'desc', { status: 'open' })).toEqual(['t5', 't1', 't2']);
      });
    });

    describe('paging', () => {
      beforeEach(async () => {
        await seed(store, 'tasks', scrambled(TASKS));
      });

      it('returns every match exactly once across pages, with the same total', async () => {
        const sort = [{ field: 'priority', direction: 'asc' as const }];
        const all = await findIds('tasks', { sort });
        const pages: string[] = [];
        for (let offset = 0; offset < 6; offset += 4) {
          const page = await store.find<Doc>('tasks', { sort, offset, limit: 4 });
          expect(page.total).toBe(6);
          pages.push(...page.items.map((doc) => doc.id));
        }
        expect(pages).toEqual(all);
      });

      it('keeps pages stable over many ties', async () => {
        const docs = Array.from({ length: 25 }, (_, index) => ({
          id: `d${String(index).padStart(2, '0')}`,
          group: index % 3,
        }));
        await seed(store, 'many', scrambled(docs));
        const sort = [{ field: 'group', direction: 'desc' as const }];
        const seen: string[] = [];
        for (let offset = 0; offset < 25; offset += 7) {
          const page = await store.find<Doc>('many', { sort, offset, limit: 7 });
          expect(page.total).toBe(25);
          seen.push(...page.items.map((doc) => doc.id));
        }
        const expected = [...docs]
          .sort((a, b) => b.group - a.group || (a.id < b.id ? -1 : 1))
          .map((doc) => doc.id);
        expect(seen).toEqual(expected);
      });

      it('counts every match whatever the page', async () => {
        const filter = { status: 'open' };
        expect(await store.find('tasks', { filter, limit: 1 })).toMatchObject({ total: 3 });
        expect(await store.find('tasks', { filter, offset: 2, limit: 1 })).toMatchObject({
          total: 3,
        });
        expect(await store.find('tasks', { filter, offset: 1 })).toMatchObject({ total: 3 });
      });

      it('counts nothing when the total is not read: it is the documents up to the page’s end', async () => {
        const filter = { status: 'open' };
        const sort = [{ field: 'priority', direction: 'asc' as const }];
        const first = await store.find<Doc>('tasks', { filter, sort, limit: 2, count: false });
        expect(first.total).toBe(2);
        expect(
          await store.find('tasks', { filter, offset: 1, limit: 1, count: false }),
        ).toMatchObject({ total: 2 });
        const last = first.items.at(-1)!;
        const after = { value: (last.priority ?? null) as number | null, id: last.id };
        const next = await store.find<Doc>('tasks', { filter, sort, after, count: false });
        expect(next).toMatchObject({ total: 1, items: [{ status: 'open' }] });
      });

      it('returns an empty page past the end, still with the total', async () => {
        expect(await store.find('tasks', { offset: 10, limit: 5 })).toEqual({
          items: [],
          total: 6,
        });
      });

      it.each([
        ['priority', 'asc'],
        ['priority', 'desc'],
        ['dueAt', 'asc'],
        ['dueAt', 'desc'],
        ['title', 'desc'],
        ['urgent', 'asc'],
      ] as const)(
        'pages by keys on %s %s: each match once, in the order of one sorted read',
        async (field, direction) => {
          await store.ensureIndex('tasks', field);
          const sort = [{ field, direction }];
          const all = await findIds('tasks', { sort });
          const seen: string[] = [];
          let after: { value: Scalar; id: string } | undefined;
          for (let pages = 0; pages < 10; pages++) {
            const page = await store.find<Doc>('tasks', {
              sort,
              limit: 2,
              ...(after ? { after } : {}),
            });
            expect(page.total).toBe(6);
            const last = page.items.at(-1);
            if (!last) break;
            seen.push(...page.items.map((doc) => doc.id));
            after = { value: (last[field] ?? null) as Scalar, id: last.id };
          }
          expect(seen).toEqual(all);
        },
      );

      it('pages by id alone when no sort is given', async () => {
        const page = await store.find<Doc>('tasks', { limit: 2, after: { value: null, id: 't2' } });
        expect(page.items.map((doc) => doc.id)).toEqual(['t3', 't4']);
        expect(page.total).toBe(6);
      });

      it('skips with an offset alone and stops with a limit alone', async () => {
        expect(await findIds('tasks', { offset: 4 })).toEqual(['t5', 't6']);
        expect(await findIds('tasks', { limit: 2 })).toEqual(['t1', 't2']);
      });
    });

    describe('collections', () => {
      it('keeps documents with the same id in different collections apart', async () => {
        await seed(store, 'tasks', [{ id: 'x', kind: 'task' }]);
        await seed(store, 'people', [
          { id: 'x', kind: 'person' },
          { id: 'y', kind: 'person' },
        ]);
        expect(await store.get('tasks', 'x')).toEqual({ id: 'x', kind: 'task' });
        expect(await store.get('people', 'x')).toEqual({ id: 'x', kind: 'person' });
        expect(await store.get('tasks', 'y')).toBeNull();
        expect([...(await store.getMany('tasks', ['x', 'y'])).keys()]).toEqual(['x']);
        expect(await store.find('tasks')).toEqual({ items: [{ id: 'x', kind: 'task' }], total: 1 });
        expect(await store.find('people', { filter: { kind: 'task' } })).toMatchObject({
          total: 0,
        });
      });

      it('deletes from one collection only', async () => {
        await seed(store, 'tasks', [{ id: 'x' }]);
        await seed(store, 'people', [{ id: 'x' }]);
        await store.commit('p', [{ collection: 'tasks', id: 'x', doc: null }], { from: 0, to: 1 });
        expect(await store.get('tasks', 'x')).toBeNull();
        expect(await store.get('people', 'x')).toEqual({ id: 'x' });
      });
    });

    describe('committing a batch', () => {
      it('starts every projector at checkpoint 0', async () => {
        expect(await store.getCheckpoint('never-ran')).toBe(0);
      });

      it('writes the documents and moves the checkpoint together', async () => {
        await store.commit(
          'tasks-projector',
          [put('tasks', { id: 'a', n: 1 }), put('tasks', { id: 'b', n: 2 })],
          { from: 0, to: 17 },
        );
        expect(await store.getCheckpoint('tasks-projector')).toBe(17);
        expect(await store.get('tasks', 'a')).toEqual({ id: 'a', n: 1 });
        expect(await store.get('tasks', 'b')).toEqual({ id: 'b', n: 2 });
        await store.commit('tasks-projector', [put('tasks', { id: 'c', n: 3 })], {
          from: 17,
          to: 20,
        });
        expect(await store.getCheckpoint('tasks-projector')).toBe(20);
        expect((await store.find('tasks')).total).toBe(3);
      });

      it('refuses a stale checkpoint and writes nothing', async () => {
        await store.commit('p', [put('tasks', { id: 'a', v: 1 })], { from: 0, to: 5 });
        const stale = store.commit(
          'p',
          [put('tasks', { id: 'a', v: 2 }), put('tasks', { id: 'b', v: 1 })],
          { from: 3, to: 7 },
        );
        await expect(stale).rejects.toBeInstanceOf(CheckpointMovedError);
        await expect(stale).rejects.toMatchObject({ projectorId: 'p', expected: 3, actual: 5 });
        expect(await store.get('tasks', 'a')).toEqual({ id: 'a', v: 1 });
        expect(await store.get('tasks', 'b')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe(5);
      });

      it('refuses to start from 0 once the projector has moved', async () => {
        await store.commit('p', [], { from: 0, to: 2 });
        await expect(
          store.commit('p', [put('tasks', { id: 'a' })], { from: 0, to: 3 }),
        ).rejects.toMatchObject({ name: 'CheckpointMovedError', expected: 0, actual: 2 });
        expect(await store.get('tasks', 'a')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe(2);
      });

      it('refuses a checkpoint that does not move forward', async () => {
        await store.commit('p', [], { from: 0, to: 4 });
        for (const to of [4, 3]) {
          await expect(
            store.commit('p', [put('tasks', { id: 'a' })], { from: 4, to }),
          ).rejects.toBeInstanceOf(CheckpointMovedError);
        }
        await expect(store.commit('q', [], { from: 0, to: 0 })).rejects.toBeInstanceOf(
          CheckpointMovedError,
        );
        expect(await store.get('tasks', 'a')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe(4);
        expect(await store.getCheckpoint('q')).toBe(0);
      });

      it('deletes a document given as doc null', async () => {
        await seed(store, 'tasks', [{ id: 'a' }, { id: 'b' }]);
        await store.commit(
          'p',
          [
            { collection: 'tasks', id: 'a', doc: null },
            { collection: 'tasks', id: 'never-existed', doc: null },
          ],
          { from: 0, to: 1 },
        );
        expect(await store.get('tasks', 'a')).toBeNull();
        expect(await store.find('tasks')).toEqual({ items: [{ id: 'b' }], total: 1 });
        expect(await store.getCheckpoint('p')).toBe(1);
      });

      it('replaces a document whole rather than merging it', async () => {
        await store.commit('p', [put('tasks', { id: 'a', x: 1, y: 2 })], { from: 0, to: 1 });
        await store.commit('p', [put('tasks', { id: 'a', x: 3 })], { from: 1, to: 2 });
        expect(await store.get('tasks', 'a')).toStrictEqual({ id: 'a', x: 3 });
      });

      it('applies the changes of a batch in order', async () => {
        await store.commit(
          'p',
          [
            put('tasks', { id: 'a', v: 1 }),
            put('tasks', { id: 'b', v: 1 }),
            put('tasks', { id: 'a', v: 2 }),
            { collection: 'tasks', id: 'b', doc: null },
            { collection: 'tasks', id: 'c', doc: null },
            put('tasks', { id: 'c', v: 1 }),
          ],
          { from: 0, to: 1 },
        );
        expect(await findIds('tasks')).toEqual(['a', 'c']);
        expect(await store.get('tasks', 'a')).toEqual({ id: 'a', v: 2 });
      });

      it('moves the checkpoint of a batch with no changes', async () => {
        await store.commit('p', [], { from: 0, to: 9 });
        expect(await store.getCheckpoint('p')).toBe(9);
      });

      it('keeps the checkpoint of each projector apart', async () => {
        await store.commit('tasks-projector', [], { from: 0, to: 10 });
        await store.commit('people-projector', [], { from: 0, to: 3 });
        await store.commit('tasks-projector', [], { from: 10, to: 12 });
        expect(await store.getCheckpoint('tasks-projector')).toBe(12);
        expect(await store.getCheckpoint('people-projector')).toBe(3);
        await expect(
          store.commit('people-projector', [], { from: 12, to: 13 }),
        ).rejects.toBeInstanceOf(CheckpointMovedError);
      });

      it('writes hundreds of changes in one batch', async () => {
        const changes = Array.from({ length: 500 }, (_, index) =>
          put('bulk', { id: `b${index}`, index, even: index % 2 === 0 }),
        );
        await store.commit('p', changes, { from: 0, to: 500 });
        expect((await store.find('bulk', { limit: 1 })).total).toBe(500);
        expect((await store.find('bulk', { filter: { even: true }, limit: 1 })).total).toBe(250);
      });
    });

    describe('fencing by lease term', () => {
      it("refuses the old holder's commit once the new holder has committed, writing nothing", async () => {
        await store.commit('p', [put('tasks', { id: 'a', v: 1 })], { from: 0, to: 5, term: 1 });
        await store.commit('p', [put('tasks', { id: 'a', v: 2 })], { from: 5, to: 8, term: 2 });
        // The old holder wakes and commits from where the checkpoint stands: the
        // compare-and-set alone would let it through.
        const late = store.commit(
          'p',
          [put('tasks', { id: 'a', v: 3 }), put('tasks', { id: 'b', v: 1 })],
          { from: 8, to: 10, term: 1 },
          [{ collection: 'tasks', id: 'a', day: '2021-03-01', doc: { v: 3 } }],
        );
        await expect(late).rejects.toBeInstanceOf(StaleTermError);
        await expect(late).rejects.toMatchObject({ projectorId: 'p', term: 1, highest: 2 });
        expect(await store.get('tasks', 'a')).toEqual({ id: 'a', v: 2 });
        expect(await store.get('tasks', 'b')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe(8);
        expect(await store.versionsAsOf('tasks', '2021-12-31')).toEqual([]);
      });

      it('says the term is stale before it says the checkpoint moved', async () => {
        await store.commit('p', [], { from: 0, to: 5, term: 2 });
        await expect(store.commit('p', [], { from: 0, to: 3, term: 1 })).rejects.toMatchObject({
          name: 'StaleTermError',
          term: 1,
          highest: 2,
        });
        await expect(store.commit('p', [], { from: 4, to: 6, term: 1 })).rejects.toBeInstanceOf(
          StaleTermError,
        );
        expect(await store.getCheckpoint('p')).toBe(5);
      });

      it('takes the same or a newer term, and commits without one as before', async () => {
        await store.commit('p', [], { from: 0, to: 1 });
        await store.commit('p', [], { from: 1, to: 2, term: 3 });
        await store.commit('p', [], { from: 2, to: 3, term: 3 });
        await store.commit('p', [], { from: 3, to: 4 });
        await expect(store.commit('p', [], { from: 4, to: 5, term: 2 })).rejects.toBeInstanceOf(
          StaleTermError,
        );
        await store.commit('p', [], { from: 4, to: 5, term: 7 });
        await expect(store.commit('p', [], { from: 5, to: 6, term: 3 })).rejects.toMatchObject({
          highest: 7,
        });
        expect(await store.getCheckpoint('p')).toBe(5);
      });

      it("keeps each projector's term apart, and forgets them on reset", async () => {
        await store.commit('p', [], { from: 0, to: 1, term: 9 });
        await store.commit('q', [], { from: 0, to: 1, term: 1 });
        expect(await store.getCheckpoint('q')).toBe(1);
        await store.reset();
        await store.commit('p', [], { from: 0, to: 1, term: 1 });
        expect(await store.getCheckpoint('p')).toBe(1);
      });

      it('refuses a term that is not a whole number from 0', async () => {
        for (const term of [-1, 1.5, Number.NaN]) {
          await expect(store.commit('p', [], { from: 0, to: 1, term })).rejects.toBeInstanceOf(
            TypeError,
          );
        }
        expect(await store.getCheckpoint('p')).toBe(0);
      });
    });

    describe('keeping versions by day', () => {
      const version = (id: string, day: string, doc: Record<string, unknown> | null) => ({
        collection: 'tasks',
        id,
        day,
        doc,
      });

      /** The versions as of `day`, in id order. */
      const asOf = async (day: string, collection = 'tasks') =>
        (await store.versionsAsOf<Doc>(collection, day)).sort((a, b) =>
          String(a.id).localeCompare(String(b.id)),
        );

      it('answers each document as its last version on or before the day', async () => {
        await store.commit('p', [], { from: 0, to: 3 }, [
          version('b', '2021-03-01', { id: 'b', v: 1 }),
          version('a', '2021-03-02', { id: 'a', v: 1 }),
          version('b', '2021-03-05', { id: 'b', v: 2 }),
        ]);
        await store.commit('p', [], { from: 3, to: 4 }, [
          version('a', '2021-03-05', { id: 'a', v: 2 }),
          version('c', '2021-03-09', { id: 'c', v: 1 }),
        ]);
        expect(await asOf('2021-02-28')).toEqual([]);
        expect(await asOf('2021-03-01')).toEqual([{ id: 'b', v: 1 }]);
        expect(await asOf('2021-03-04')).toEqual([
          { id: 'a', v: 1 },
          { id: 'b', v: 1 },
        ]);
        expect(await asOf('2021-03-05')).toEqual([
          { id: 'a', v: 2 },
          { id: 'b', v: 2 },
        ]);
        expect(await asOf('2021-12-31')).toHaveLength(3);
        expect(await asOf('2021-12-31', 'people')).toEqual([]);
      });

      it('replaces a version of the same day, and leaves out a document gone by then', async () => {
        await store.commit('p', [], { from: 0, to: 1 }, [version('a', '2021-03-01', { v: 1 })]);
        await store.commit('p', [], { from: 1, to: 2 }, [version('a', '2021-03-01', { v: 2 })]);
        await store.commit('p', [], { from: 2, to: 3 }, [version('a', '2021-03-03', null)]);
        expect(await store.versionsAsOf('tasks', '2021-03-02')).toEqual([{ v: 2 }]);
        expect(await store.versionsAsOf('tasks', '2021-03-03')).toEqual([]);
      });

      it('keeps versions only with their commit: a stale checkpoint keeps none', async () => {
        await store.commit('p', [], { from: 0, to: 5 });
        await expect(
          store.commit('p', [], { from: 1, to: 6 }, [version('a', '2021-03-01', { v: 1 })]),
        ).rejects.toBeInstanceOf(CheckpointMovedError);
        expect(await store.versionsAsOf('tasks', '2021-12-31')).toEqual([]);
      });

      it('removes them on reset', async () => {
        await store.commit('p', [], { from: 0, to: 1 }, [version('a', '2021-03-01', { v: 1 })]);
        await store.reset();
        expect(await store.versionsAsOf('tasks', '2021-12-31')).toEqual([]);
      });
    });

    describe('resetting', () => {
      it('removes every document and checkpoint', async () => {
        await seed(store, 'tasks', TASKS);
        await store.commit('p', [put('people', { id: 'x' })], { from: 0, to: 8 });
        await store.reset();
        expect(await store.find('tasks')).toEqual({ items: [], total: 0 });
        expect(await store.get('people', 'x')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe(0);
        expect(await store.getCheckpoint(SEEDER)).toBe(0);
        await store.commit('p', [put('people', { id: 'y' })], { from: 0, to: 1 });
        expect(await findIds('people')).toEqual(['y']);
      });
    });

    // Declared only for adapters that can reopen their storage (never skipped).
    const durable = harness.reopen === undefined ? () => undefined : describe;
    durable('surviving a reopen', () => {
      it('keeps the documents and checkpoints committed before closing', async () => {
        await seed(store, 'tasks', TASKS);
        await store.commit('p', [put('people', { id: 'x', name: '张三' })], { from: 0, to: 4 });
        await expect(
          store.commit('p', [put('people', { id: 'z' })], { from: 1, to: 5 }),
        ).rejects.toBeInstanceOf(CheckpointMovedError);
        await store.close();
        store = await harness.reopen!();
        expect(await store.getCheckpoint('p')).toBe(4);
        expect(await store.get('people', 'x')).toEqual({ id: 'x', name: '张三' });
        expect(await store.get('people', 'z')).toBeNull();
        expect((await store.find<Doc>('tasks')).items).toStrictEqual(TASKS);
      });

      it("refuses the old lease holder's commit once the new holder has committed, each on its own connection", async () => {
        const newHolder = await harness.reopen!();
        try {
          await store.commit('p', [put('tasks', { id: 'a', v: 1 })], { from: 0, to: 3, term: 4 });
          await newHolder.commit('p', [put('tasks', { id: 'a', v: 2 })], {
            from: 3,
            to: 6,
            term: 5,
          });
          await expect(
            store.commit('p', [put('tasks', { id: 'b', v: 1 })], { from: 6, to: 9, term: 4 }),
          ).rejects.toMatchObject({ name: 'StaleTermError', term: 4, highest: 5 });
          expect(await store.get('tasks', 'a')).toEqual({ id: 'a', v: 2 });
          expect(await store.get('tasks', 'b')).toBeNull();
          expect(await store.getCheckpoint('p')).toBe(6);
        } finally {
          await newHolder.close();
        }
      });

      it('keeps the highest lease term of each checkpoint', async () => {
        await store.commit('p', [], { from: 0, to: 4, term: 6 });
        await store.close();
        store = await harness.reopen!();
        await expect(store.commit('p', [], { from: 4, to: 5, term: 5 })).rejects.toBeInstanceOf(
          StaleTermError,
        );
        await store.commit('p', [], { from: 4, to: 5, term: 6 });
        expect(await store.getCheckpoint('p')).toBe(5);
      });
    });
  });
}
