type Doc = Record<string, unknown>;

/**
 * Lists of more entries than this stay in their document; a longer one goes to
 * chunks, so a document of many lists (a task page has some twenty-five) stays
 * small: at most this many entries of each.
 */
export const inlineEntries = 16;

/**
 * Entries per chunk. Count, not bytes, so that changing an entry rewrites its
 * chunk only. An entry of a task page is about half a kilobyte (50 KB a chunk);
 * the largest the inputs allow (a notice with a 4,000-character body, its
 * answer and twenty files named at 255 characters) about 40 KB, so 4 MB a
 * chunk at worst, a quarter of MongoDB's 16 MB.
 */
export const chunkEntries = 100;

/** The field of a stored document naming its lists kept in chunks, each in place as its length. */
export const chunkedField = 'chunkedLists';

/** A chunk: `entries` of one list of one document, from entry `n × chunkEntries`. */
export interface ListChunk extends Doc {
  id: string;
  entries: unknown[];
}

/** Id of chunk `n` of the list `field` of the document `id`. */
export const chunkId = (id: string, field: string, n: number): string => `${id}:${field}:${n}`;

/** The chunk ids of a stored document, in list order. */
export const chunkIdsOf = (id: string, stored: Doc): string[] => {
  const fields = stored[chunkedField];
  if (!Array.isArray(fields)) return [];
  return (fields as string[]).flatMap((field) => {
    const length = stored[field] as number;
    return Array.from({ length: Math.ceil(length / chunkEntries) }, (_, n) =>
      chunkId(id, field, n),
    );
  });
};

/**
 * A document as stored: each list longer than `inlineEntries` in place as its
 * length, named in `chunkedLists`, and its entries in chunks of `chunkEntries`.
 */
export const splitDocument = (id: string, doc: Doc): { stored: Doc; chunks: ListChunk[] } => {
  const long = Object.keys(doc).filter((field) => {
    const value = doc[field];
    return Array.isArray(value) && value.length > inlineEntries;
  });
  if (long.length === 0) return { stored: doc, chunks: [] };
  const stored: Doc = { ...doc, [chunkedField]: long };
  const chunks: ListChunk[] = [];
  for (const field of long) {
    const list = doc[field] as unknown[];
    stored[field] = list.length;
    for (let n = 0; n * chunkEntries < list.length; n += 1) {
      const from = n * chunkEntries;
      chunks.push({ id: chunkId(id, field, n), entries: list.slice(from, from + chunkEntries) });
    }
  }
  return { stored, chunks };
};

/**
 * The document a stored one and its chunks stand for; throws when a chunk is
 * missing (the store lost what it committed together).
 */
export const joinDocument = (id: string, stored: Doc, chunks: Map<string, ListChunk>): Doc => {
  const fields = stored[chunkedField];
  if (!Array.isArray(fields)) return stored;
  const { [chunkedField]: _names, ...doc } = stored;
  for (const field of fields as string[]) {
    const length = stored[field] as number;
    const list: unknown[] = [];
    for (let n = 0; n * chunkEntries < length; n += 1) {
      const chunk = chunks.get(chunkId(id, field, n));
      if (chunk === undefined) throw new Error(`read model ${id}: chunk ${n} of ${field} missing`);
      list.push(...chunk.entries);
    }
    doc[field] = list;
  }
  return doc;
};
