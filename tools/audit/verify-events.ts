import { eventLeafHash, HASH_SIZE, verifyInclusion } from '../../domain/merkle/index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { BundleEvent, BundleHead } from './bundle.ts';
import { hashList } from './hex.ts';
import { strictHex } from './keys.ts';
import {
  type LeafPlace,
  leafIndexProblem,
  leafOrderFindings,
  leafPlaceOf,
  type PlacedEvent,
} from './leaf-index.ts';

/** The stored event a bundle entry states, field by field: nothing else enters the leaf. */
const storedEventOf = (event: BundleEvent): StoredEvent => {
  const { position, streamId, revision, id, type, version, data, metadata, recordedAt } = event;
  return { position, streamId, revision, id, type, version, data, metadata, recordedAt };
};

/** The leaf hash recomputed from the event's canonical bytes, or null if it has none. */
const recomputedLeaf = (event: BundleEvent): Buffer | null => {
  try {
    return eventLeafHash(storedEventOf(event));
  } catch {
    return null;
  }
};

/**
 * What is wrong with one event, or null when its leaf hash, recomputed from its
 * content, is the one stated and leads along its inclusion proof, from its leaf
 * index, to the head's root.
 */
const eventProblem = (
  event: BundleEvent,
  place: LeafPlace,
  head: BundleHead,
  root: Buffer,
): string | null => {
  const misplaced = leafIndexProblem(place, event.position, head.treeSize);
  if (misplaced) return misplaced;
  const leaf = recomputedLeaf(event);
  const stated = strictHex(event.leafHash, HASH_SIZE);
  if (!leaf || !stated?.equals(leaf)) return "leaf hash does not match the event's content";
  const proof = hashList(event.inclusionProof);
  if (!proof) return 'inclusion proof is malformed (expected a list of 64-hex hashes)';
  return verifyInclusion(leaf, place.index, head.treeSize, proof, root)
    ? null
    : `inclusion proof does not lead to the root of the head of tree size ${head.treeSize}`;
};

/** The outcome of checking a bundle's events. */
export interface EventsOutcome {
  /** Each naming the event's position, in position order. */
  problems: string[];
  /** Events whose hash and proof hold. */
  verified: number;
  /** The distinct positions present, ascending, for the selection check. */
  positions: number[];
  /** Events without a leaf index (an older bundle), each taken at position − 1. */
  assumedLeafIndexes: number;
}

interface Finding {
  position: number;
  text: string;
}

const asEvent = (entry: unknown): BundleEvent =>
  (typeof entry === 'object' && entry !== null ? entry : {}) as BundleEvent;

/**
 * An exported log is in global order. Comparing each entry with the one the sorted
 * order puts there names exactly the displaced events (two, for a swap), where
 * "smaller than the one before" would name every event between them.
 */
const orderFindings = (positions: readonly number[]): Finding[] => {
  const sorted = [...positions].sort((a, b) => a - b);
  const findings: Finding[] = [];
  positions.forEach((position, i) => {
    if (position !== sorted[i]) {
      findings.push({
        position,
        text: `out of order (it stands as entry ${i + 1} of the bundle, where position ${sorted[i]} belongs)`,
      });
    }
    if (i > 0 && sorted[i] === sorted[i - 1] && sorted[i] !== sorted[i - 2]) {
      findings.push({ position: sorted[i]!, text: 'appears more than once in the bundle' });
    }
  });
  return findings;
};

/**
 * Checks events one at a time, as a bundle is read: a whole position, a leaf index
 * the log allows, its content hashing to its stated leaf, its proof leading from
 * that index to the head's root; at `finish`, their global order and that their
 * leaf indexes follow it. Each problem names the event's position.
 */
export const eventChecker = (head: BundleHead) => {
  const root = strictHex(head.rootHash, HASH_SIZE) ?? Buffer.alloc(HASH_SIZE);
  const unplaced: string[] = [];
  const findings: Finding[] = [];
  const positions: number[] = [];
  const placed: PlacedEvent[] = [];
  let verified = 0;
  let entries = 0;
  let assumed = 0;
  return {
    add(entry: unknown): void {
      entries += 1;
      const event = asEvent(entry);
      const { position } = event;
      if (!Number.isSafeInteger(position) || position < 1) {
        unplaced.push(`event ${entries} of the bundle: position is not a whole number`);
        return;
      }
      positions.push(position);
      const place = leafPlaceOf(event);
      if (place.assumed) assumed += 1;
      else if (Number.isSafeInteger(place.index)) placed.push({ position, index: place.index });
      const text = eventProblem(event, place, head, root);
      if (text) findings.push({ position, text });
      else verified += 1;
    },
    finish(): EventsOutcome {
      findings.push(...orderFindings(positions), ...leafOrderFindings(placed));
      findings.sort((a, b) => a.position - b.position);
      return {
        problems: [
          ...unplaced,
          ...findings.map(({ position, text }) => `position ${position}: ${text}`),
        ],
        verified,
        positions: [...new Set(positions)].sort((a, b) => a - b),
        assumedLeafIndexes: assumed,
      };
    },
  };
};
