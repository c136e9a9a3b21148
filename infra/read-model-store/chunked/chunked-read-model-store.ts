import { createHash } from 'node:crypto';
import type { DocumentChange, FindQuery, ReadModelStore } from '../port.ts';
import { chunkIdsOf, joinDocument, type ListChunk, splitDocument } from './list-chunks.ts';

type Doc = Record<string, unknown>;

/** Chunk contents remembered (by digest) to skip rewriting unchanged chunks; forgotten past this many. */
const rememberedChunks = 100_000;

const digest = (chunk: ListChunk): string =>
  createHash('sha256').update(JSON.stringify(chunk)).digest('base64');

/**
 * A read-model store whose documents of `collections` (each mapped to the
 * collection of its chunks) keep their long lists in chunk documents (see
 * `splitDocument`), so no document grows with its lists: MongoDB refuses a
 * document over 16 MB, and a commit refused forever would stall the projector.
 * Readers get the documents whole, as before. A commit writes a document, its
 * changed chunks and the removal of those it no longer has together with the
 * checkpoint, as one commit of the store beneath.
 *
 * A chunk written or read last with the same content is not written again, so
 * appending to a long list rewrites its last chunk only: the projector reads
 * every document it changes first, which brings back what another process
 * wrote. The collections must not keep versions (`temporal`): their versions
 * would be kept whole.
 */
export const chunkedReadModelStore = (
  store: ReadModelStore,
  collections: Readonly<Record<string, string>>,
): ReadModelStore => {
  // Digest of each chunk's content as last written or read, by collection and chunk id.
  const known = new Map<string, string>();
  const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
  const remember = (key: string, sum: string) => {
    if (known.size >= rememberedChunks) known.clear();
    known.set(key, sum);
  };

  /** The documents whole: one read of the chunks of all of them. */
  const joined = async <T>(collection: string, docs: Map<string, Doc>): Promise<Map<string, T>> => {
    const chunks = collections[collection]!;
    const ids = [...docs].flatMap(([id, doc]) => chunkIdsOf(id, doc));
    const read = ids.length === 0 ? new Map() : await store.getMany<ListChunk>(chunks, ids);
    for (const chunk of read.values()) remember(keyOf(chunks, chunk.id), digest(chunk));
    const whole = new Map<string, T>();
    for (const [id, doc] of docs) whole.set(id, joinDocument(id, doc, read) as T);
    return whole;
  };

  /** The changes to commit beneath: documents as stored, their chunks and the chunks gone. */
  const storedChanges = async (changes: DocumentChange[]) => {
    const out: DocumentChange[] = [];
    const written: [key: string, sum: string][] = [];
    const before = new Map<string, Map<string, Doc>>();
    for (const collection of new Set(changes.map((change) => change.collection))) {
      if (!(collection in collections)) continue;
      const ids = changes.filter((change) => change.collection === collection).map((c) => c.id);
      before.set(collection, await store.getMany<Doc>(collection, ids));
    }
    for (const change of changes) {
      const chunks = collections[change.collection];
      const previous = before.get(change.collection);
      if (chunks === undefined || previous === undefined) {
        out.push(change);
        continue;
      }
      const old = previous.get(change.id);
      const split = change.doc === null ? null : splitDocument(change.id, change.doc);
      out.push({ ...change, doc: split?.stored ?? null });
      const kept = new Set(split?.chunks.map((chunk) => chunk.id));
      for (const id of old ? chunkIdsOf(change.id, old) : []) {
        if (kept.has(id)) continue;
        out.push({ collection: chunks, id, doc: null });
        known.delete(keyOf(chunks, id));
      }
      for (const chunk of split?.chunks ?? []) {
        const key = keyOf(chunks, chunk.id);
        const sum = digest(chunk);
        if (known.get(key) === sum) continue;
        out.push({ collection: chunks, id: chunk.id, doc: chunk });
        written.push([key, sum]);
      }
      if (split) previous.set(change.id, split.stored);
      else previous.delete(change.id);
    }
    return { out, written };
  };

  return {
    async get<T>(collection: string, id: string) {
      const doc = await store.get<Doc>(collection, id);
      if (doc === null || !(collection in collections)) return doc as T | null;
      return (await joined<T>(collection, new Map([[id, doc]]))).get(id) ?? null;
    },
    async getMany<T>(collection: string, ids: string[]) {
      const docs = await store.getMany<Doc>(collection, ids);
      return collection in collections ? joined<T>(collection, docs) : (docs as Map<string, T>);
    },
    async find<T>(collection: string, query?: FindQuery) {
      const page = await store.find<Doc>(collection, query);
      if (!(collection in collections)) return page as { items: T[]; total: number };
      const docs = new Map(page.items.map((doc) => [String(doc.id), doc]));
      const whole = await joined<T>(collection, docs);
      return { items: [...whole.values()], total: page.total };
    },
    getCheckpoint: (projectorId) => store.getCheckpoint(projectorId),
    async commit(projectorId, changes, checkpoint, versions) {
      const { out, written } = await storedChanges(changes);
      await store.commit(projectorId, out, checkpoint, versions);
      for (const [key, sum] of written) remember(key, sum);
    },
    versionsAsOf: (collection, day) => store.versionsAsOf(collection, day),
    ensureIndex: (collection, field) => store.ensureIndex(collection, field),
    async reset() {
      known.clear();
      await store.reset();
    },
    ping: () => store.ping(),
    close: () => store.close(),
  };
};
