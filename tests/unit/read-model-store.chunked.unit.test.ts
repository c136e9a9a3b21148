import { chunkedReadModelStore } from '../../infra/read-model-store/chunked/chunked-read-model-store.ts';
import {
  chunkEntries,
  inlineEntries,
  joinDocument,
  splitDocument,
} from '../../infra/read-model-store/chunked/list-chunks.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { DocumentChange, ReadModelStore } from '../../infra/read-model-store/port.ts';

const entries = (count: number, mark = 'n') =>
  Array.from({ length: count }, (_, i) => ({ i, mark }));

const task = (notes: number, extra: Record<string, unknown> = {}) => ({
  id: 't1',
  position: 1,
  title: '督办',
  notes: entries(notes),
  tags: ['a'],
  ...extra,
});

describe('a document split into chunks', () => {
  it('keeps lists of up to 16 entries in place', () => {
    const doc = task(inlineEntries);
    expect(splitDocument('t1', doc)).toEqual({ stored: doc, chunks: [] });
  });

  it('keeps a longer list as its length, in place, and its entries in chunks of 100', () => {
    const doc = task(250);
    const { stored, chunks } = splitDocument('t1', doc);
    expect(stored).toEqual({ ...doc, notes: 250, chunkedLists: ['notes'] });
    expect(Object.keys(stored)).toEqual([...Object.keys(doc), 'chunkedLists']);
    expect(chunks.map((chunk) => [chunk.id, chunk.entries.length])).toEqual([
      ['t1:notes:0', chunkEntries],
      ['t1:notes:1', chunkEntries],
      ['t1:notes:2', 50],
    ]);
    const joined = joinDocument('t1', stored, new Map(chunks.map((chunk) => [chunk.id, chunk])));
    expect(joined).toEqual(doc);
    expect(Object.keys(joined)).toEqual(Object.keys(doc));
  });

  it('refuses to join a document whose chunk is missing', () => {
    const { stored, chunks } = splitDocument('t1', task(150));
    expect(() => joinDocument('t1', stored, new Map([[chunks[0]!.id, chunks[0]!]]))).toThrow(
      'chunk 1 of notes missing',
    );
  });
});

describe('the read-model store keeping long lists in chunks', () => {
  let raw: ReadModelStore;
  let store: ReadModelStore;
  let position = 0;
  const commit = (changes: DocumentChange[]) =>
    store.commit('main', changes, { from: position, to: ++position });
  const written: DocumentChange[][] = [];

  beforeEach(() => {
    raw = openEmbeddedReadModelStore({ path: ':memory:' });
    const commitRaw = raw.commit.bind(raw);
    written.length = 0;
    raw.commit = (projectorId, changes, checkpoint, versions) => {
      written.push(changes);
      return commitRaw(projectorId, changes, checkpoint, versions);
    };
    store = chunkedReadModelStore(raw, { tasks: 'task_chunks' });
    position = 0;
  });
  afterEach(() => raw.close());

  it('gives documents back whole, by id, by ids and by query', async () => {
    const doc = task(230);
    await commit([{ collection: 'tasks', id: 't1', doc }]);
    expect(await store.get('tasks', 't1')).toEqual(doc);
    expect((await store.getMany('tasks', ['t1'])).get('t1')).toEqual(doc);
    expect((await store.find('tasks')).items).toEqual([doc]);
    expect(await raw.get('tasks', 't1')).toMatchObject({ notes: 230 });
    expect((await raw.find('task_chunks')).total).toBe(3);
  });

  it('rewrites only the chunk an appended entry falls in', async () => {
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    const doc = (await store.get<ReturnType<typeof task>>('tasks', 't1'))!;
    await commit([
      {
        collection: 'tasks',
        id: 't1',
        doc: { ...doc, notes: [...doc.notes, { i: 230, mark: 'n' }] },
      },
    ]);
    expect(written.at(-1)?.map((change) => change.id)).toEqual(['t1', 't1:notes:2']);
  });

  it('removes the chunks a document no longer has, and all of them with the document', async () => {
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    await commit([{ collection: 'tasks', id: 't1', doc: task(120) }]);
    expect((await raw.find('task_chunks')).items.map((chunk) => chunk.id)).toEqual([
      't1:notes:0',
      't1:notes:1',
    ]);
    expect(await store.get('tasks', 't1')).toEqual(task(120));
    await commit([{ collection: 'tasks', id: 't1', doc: task(3) }]);
    expect((await raw.find('task_chunks')).total).toBe(0);
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    await commit([{ collection: 'tasks', id: 't1', doc: null }]);
    expect((await raw.find('task_chunks')).total).toBe(0);
    expect(await store.get('tasks', 't1')).toBeNull();
  });

  it('writes a chunk again that was removed, even with the same entries as before', async () => {
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    await commit([{ collection: 'tasks', id: 't1', doc: task(120) }]);
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    expect(await store.get('tasks', 't1')).toEqual(task(230));
  });

  it('writes every chunk again after a reset', async () => {
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    await store.reset();
    position = 0;
    await commit([{ collection: 'tasks', id: 't1', doc: task(230) }]);
    expect(await store.get('tasks', 't1')).toEqual(task(230));
  });

  it('leaves the documents of other collections as they are', async () => {
    const doc = { id: 'u1', position: 1, members: entries(40) };
    await commit([{ collection: 'units', id: 'u1', doc }]);
    expect(await raw.get('units', 'u1')).toEqual(doc);
  });
});
