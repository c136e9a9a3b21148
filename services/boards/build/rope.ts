/** The rows a board reads: an array, or a rope (pages and filters read either the same way). */
export interface RowList<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  slice(start?: number, end?: number): T[];
  filter(keep: (row: T) => boolean): T[];
}

/**
 * Rows kept in chunks: a new version shares every chunk it did not change, so
 * a patch copies a chunk, not the rows. Chunks are never changed once made.
 */
export interface Rope<T> extends RowList<T> {
  readonly chunks: readonly (readonly T[])[];
}

/** Rows per chunk a sorted rope is cut into; a chunk grown to twice this is split. */
const chunkSize = 1024;

/** The index of the chunk holding row `index`: the last whose start is not after it. */
const chunkHolding = (starts: Int32Array, index: number): number => {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] as number) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
};

/** Where a slice of `length` rows starts or ends, as `Array.prototype.slice` reads it. */
const bound = (at: number | undefined, length: number, fallback: number): number => {
  if (at === undefined) return fallback;
  return at < 0 ? Math.max(length + at, 0) : Math.min(at, length);
};

/** The rope of `chunks` (empty chunks left out), in order. */
export const ropeOf = <T>(chunks: readonly (readonly T[])[]): Rope<T> => {
  const kept = chunks.filter((chunk) => chunk.length > 0);
  const starts = new Int32Array(kept.length);
  let length = 0;
  kept.forEach((chunk, i) => {
    starts[i] = length;
    length += chunk.length;
  });
  return {
    length,
    chunks: kept,
    at(index) {
      const at = index < 0 ? length + index : index;
      if (at < 0 || at >= length) return undefined;
      const chunk = chunkHolding(starts, at);
      return (kept[chunk] as readonly T[])[at - (starts[chunk] as number)];
    },
    slice(start, end) {
      const from = bound(start, length, 0);
      const to = bound(end, length, length);
      const rows: T[] = [];
      if (from >= to) return rows;
      for (let chunk = chunkHolding(starts, from); chunk < kept.length; chunk++) {
        const first = starts[chunk] as number;
        if (first >= to) break;
        const rowsOf = kept[chunk] as readonly T[];
        for (let i = Math.max(from - first, 0); i < rowsOf.length && first + i < to; i++) {
          rows.push(rowsOf[i] as T);
        }
      }
      return rows;
    },
    filter(keep) {
      const rows: T[] = [];
      for (const chunk of kept) for (const row of chunk) if (keep(row)) rows.push(row);
      return rows;
    },
    *[Symbol.iterator]() {
      for (const chunk of kept) yield* chunk;
    },
  };
};

/** `rows` (an array) as a rope of chunks of `chunkSize`. */
export const ropeOfRows = <T>(rows: readonly T[]): Rope<T> => {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    chunks.push(rows.slice(start, start + chunkSize));
  }
  return ropeOf(chunks);
};

/** Where `row` belongs in `sorted` (chunk, index in it): before the first row not coming before it. */
const placeOf = <T>(
  chunks: readonly (readonly T[])[],
  row: T,
  compare: (a: T, b: T) => number,
): { chunk: number; index: number } => {
  // The first chunk whose last row does not come before `row`.
  let low = 0;
  let high = chunks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const rows = chunks[middle] as readonly T[];
    if (compare(rows[rows.length - 1] as T, row) < 0) low = middle + 1;
    else high = middle;
  }
  if (low === chunks.length) {
    const last = chunks.length - 1;
    return { chunk: last, index: last < 0 ? 0 : (chunks[last] as readonly T[]).length };
  }
  const rows = chunks[low] as readonly T[];
  let first = 0;
  let end = rows.length;
  while (first < end) {
    const middle = (first + end) >>> 1;
    if (compare(rows[middle] as T, row) < 0) first = middle + 1;
    else end = middle;
  }
  return { chunk: low, index: first };
};

/**
 * `sorted` (in the total order `compare`) with `removed` taken out and `added`
 * put where they belong, each found by binary search: only the chunks they
 * fall in are copied. Null when a row to remove is not there (the changes
 * were not made against `sorted`).
 */
export const patchedRope = <T>(
  sorted: Rope<T>,
  changes: { removed: readonly T[]; added: readonly T[] },
  compare: (a: T, b: T) => number,
): Rope<T> | null => {
  const chunks: (readonly T[])[] = sorted.chunks.slice();
  const copied = new Set<readonly T[]>();
  const own = (chunk: number): T[] => {
    const rows = chunks[chunk] as readonly T[];
    if (copied.has(rows)) return rows as T[];
    const copy = rows.slice();
    copied.add(copy);
    chunks[chunk] = copy;
    return copy;
  };
  for (const row of changes.removed) {
    const { chunk, index } = placeOf(chunks, row, compare);
    if (chunks[chunk]?.[index] !== row) return null;
    const rows = own(chunk);
    rows.splice(index, 1);
    if (rows.length === 0) chunks.splice(chunk, 1);
  }
  for (const row of changes.added) {
    if (chunks.length === 0) {
      const rows = [row];
      copied.add(rows);
      chunks.push(rows);
      continue;
    }
    const { chunk, index } = placeOf(chunks, row, compare);
    const rows = own(chunk);
    rows.splice(index, 0, row);
    if (rows.length >= 2 * chunkSize) {
      const upper = rows.splice(chunkSize);
      copied.add(upper);
      chunks.splice(chunk + 1, 0, upper);
    }
  }
  return ropeOf(chunks);
};
