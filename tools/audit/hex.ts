import { HASH_SIZE } from '../../domain/merkle/index.ts';
import { strictHex } from './keys.ts';

/** A hex hash list as bytes, or undefined if any member is not 64 lower-case hex characters. */
export const hashList = (hexes: unknown): Buffer[] | undefined => {
  if (!Array.isArray(hexes)) return undefined;
  const hashes: Buffer[] = [];
  for (const hex of hexes) {
    const hash = strictHex(hex, HASH_SIZE);
    if (!hash) return undefined;
    hashes.push(hash);
  }
  return hashes;
};

export const toHex = (hashes: readonly Uint8Array[]): string[] =>
  hashes.map((hash) => Buffer.from(hash).toString('hex'));

/** "position 7" or "positions 7–9": how reports name a run of events. */
export const namePositions = ([first, last]: readonly [number, number]): string =>
  first === last ? `position ${first}` : `positions ${first}–${last}`;
