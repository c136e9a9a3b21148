import fc from 'fast-check';
import { compareRows } from '../../services/boards/build/paging.ts';
import { patchedRope, ropeOf, ropeOfRows } from '../../services/boards/build/rope.ts';
import {
  itemAt,
  itemsOf,
  joinedItems,
  keptItems,
  slotListOf,
  withSlots,
} from '../../services/boards/build/slot-list.ts';

type Row = { id: string; key: number };
const compare = (a: Row, b: Row) =>
  compareRows(
    a,
    b,
    (row) => row.key,
    'asc',
    (row) => row.id,
  );
const rowsOf = (count: number, from = 0): Row[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `r${String(from + i).padStart(6, '0')}`,
    key: (from + i) % 97,
  }));

describe('a rope of rows', () => {
  it('reads as the array it was cut from: length, at, slice, filter, iteration', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer(), { maxLength: 40 }), { maxLength: 12 }),
        fc.integer({ min: -60, max: 300 }),
        fc.integer({ min: -60, max: 300 }),
        (chunks, start, end) => {
          const flat = chunks.flat();
          const rope = ropeOf(chunks);
          expect(rope.length).toBe(flat.length);
          expect([...rope]).toEqual(flat);
          for (let i = -3; i < flat.length + 3; i++) expect(rope.at(i)).toBe(flat.at(i));
          expect(rope.slice(start, end)).toEqual(flat.slice(start, end));
          expect(rope.slice(start)).toEqual(flat.slice(start));
          expect(rope.filter((n) => n % 3 === 0)).toEqual(flat.filter((n) => n % 3 === 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('patched, sorts as sorting again does across many chunks, split and emptied', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.integer({ min: 0, max: 4000 }),
        (count, picks, added) => {
          const rows = rowsOf(count);
          const sorted = ropeOfRows([...rows].sort(compare));
          // Some rows out (a run of them can empty a chunk), many in (chunks grow and split).
          const removed = [...new Set(picks.map((pick) => pick % Math.max(count, 1)))]
            .filter((i) => i < count)
            .map((i) => rows[i] as Row);
          const gone = new Set(removed);
          const extra = rowsOf(added, 100_000).map((row) => ({ ...row, key: 5 }));
          const patched = patchedRope(sorted, { removed, added: extra }, compare);
          const expected = [...rows.filter((row) => !gone.has(row)), ...extra].sort(compare);
          expect(patched && [...patched]).toEqual(expected);
          expect(patched?.length).toBe(expected.length);
          // The rope before is unchanged: chunks are copied, never written to.
          expect([...sorted]).toEqual([...rows].sort(compare));
          for (const chunk of patched?.chunks ?? []) expect(chunk.length).toBeLessThan(2048);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shares every chunk a patch did not touch', () => {
    const rows = rowsOf(6000).sort(compare);
    const sorted = ropeOfRows(rows);
    const moved = { ...(rows[10] as Row), key: 96.5 };
    const patched = patchedRope(sorted, { removed: [rows[10] as Row], added: [moved] }, compare);
    const shared = patched?.chunks.filter((chunk) => sorted.chunks.includes(chunk)) ?? [];
    expect(shared.length).toBe(sorted.chunks.length - 2);
  });

  it('answers null when a row to take out is not there', () => {
    const sorted = ropeOfRows(rowsOf(3000).sort(compare));
    const stranger = { id: 'x', key: 3 };
    expect(patchedRope(sorted, { removed: [stranger], added: [] }, compare)).toBeNull();
  });
});

describe('a list of one item per place, in chunks', () => {
  it('changed at a few places, reads as the array changed, and shares the other chunks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (length, picks) => {
          const before = slotListOf(length, (slot) => slot);
          const slots = length === 0 ? [] : picks.map((pick) => pick % length);
          const after = withSlots(before, slots, (slot) => -slot - 1);
          const expected = Array.from({ length }, (_, slot) => slot);
          for (const slot of slots) expected[slot] = -slot - 1;
          expect([...itemsOf(after)]).toEqual(expected);
          for (const slot of slots) expect(itemAt(after, slot)).toBe(-slot - 1);
          expect([...itemsOf(before)]).toEqual(Array.from({ length }, (_, slot) => slot));
          const touched = new Set(slots.map((slot) => slot >>> 9));
          after.chunks.forEach((chunk, i) => {
            expect(chunk === before.chunks[i]).toBe(!touched.has(i));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('filters and joins chunk by chunk, each chunk once', () => {
    let filtered = 0;
    const even = keptItems((n: number): n is number => {
      filtered += 1;
      return n % 2 === 0;
    });
    const list = slotListOf(2000, (slot) => slot);
    expect(even(list)).toEqual(Array.from({ length: 1000 }, (_, i) => 2 * i));
    const next = withSlots(list, [1500], () => 7);
    filtered = 0;
    expect(even(next)).toEqual(
      Array.from({ length: 1000 }, (_, i) => 2 * i).filter((n) => n !== 1500),
    );
    // Only the chunk holding place 1500 (512 places) was looked at again.
    expect(filtered).toBe(512);
    const joined = joinedItems<number>();
    const lists = slotListOf(1500, (slot) => (slot % 3 === 0 ? [slot, slot] : []));
    expect(joined(lists)).toEqual(
      Array.from({ length: 1500 }, (_, slot) => (slot % 3 === 0 ? [slot, slot] : [])).flat(),
    );
  });
});
