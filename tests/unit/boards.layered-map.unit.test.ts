import { changedKeys, createVersionedMap } from '../../services/boards/build/layered-map.ts';

/** A small deterministic generator (mulberry32). */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const sortedEntries = (map: ReadonlyMap<string, number[]>) =>
  [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('a versioned map', () => {
  it.each([1, 2, 3])(
    'reads as a copy of the map at each version, every version unchanged after (seed %i)',
    (seed) => {
      const random = randomFrom(seed);
      // Few changes before a full copy, so that versions are layered, flattened and layered again.
      const versioned = createVersionedMap<string, number[]>(8);
      const reference = new Map<string, number[]>();
      const versions: { version: ReadonlyMap<string, number[]>; copy: Map<string, number[]> }[] =
        [];
      let layered = 0;
      for (let round = 0; round < 300; round++) {
        for (let change = Math.floor(random() * 4); change > 0; change--) {
          const key = `k${Math.floor(random() * 60)}`;
          if (random() < 0.25) {
            versioned.delete(key);
            reference.delete(key);
          } else {
            const value = [round, change];
            versioned.set(key, value);
            reference.set(key, value);
          }
        }
        const version = versioned.current();
        if (!(version instanceof Map)) layered += 1;
        versions.push({ version, copy: new Map(reference) });
      }
      expect(layered).toBeGreaterThan(50);
      // Between two versions, every key whose value differs is among the keys said to have changed.
      let told = 0;
      for (const [i, { version }] of versions.entries()) {
        for (const { version: later } of versions.slice(i + 1, i + 4)) {
          const keys = changedKeys(version, later);
          if (keys === null) continue;
          told += 1;
          const said = new Set(keys);
          for (let k = 0; k < 60; k++) {
            const key = `k${k}`;
            if (version.get(key) !== later.get(key))
              expect([key, said.has(key)]).toEqual([key, true]);
          }
        }
      }
      expect(told).toBeGreaterThan(100);
      for (const { version, copy } of versions) {
        expect(version.size).toBe(copy.size);
        expect(sortedEntries(version)).toEqual(sortedEntries(copy));
        for (let k = 0; k < 60; k++) {
          const key = `k${k}`;
          expect([key, version.has(key), version.get(key)]).toEqual([
            key,
            copy.has(key),
            copy.get(key),
          ]);
        }
        expect([...version.keys()].sort()).toEqual([...copy.keys()].sort());
        let seen = 0;
        version.forEach((value, key) => {
          expect(copy.get(key)).toBe(value);
          seen += 1;
        });
        expect(seen).toBe(copy.size);
      }
    },
  );

  it('is the same object while nothing changed', () => {
    const versioned = createVersionedMap<string, number[]>();
    versioned.set('a', [1]);
    const first = versioned.current();
    expect(versioned.current()).toBe(first);
    versioned.delete('missing');
    expect(versioned.current()).toBe(first);
    versioned.set('b', [2]);
    expect(versioned.current()).not.toBe(first);
  });
});
