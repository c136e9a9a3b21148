import type {
  SigningKeyRotation,
  TreeHead,
  TreeHeadCosignature,
} from '../../contracts/events/index.ts';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import type { EventStore } from '../event-store/port.ts';

/** A signed head and the global position of the event that records it. */
export interface RecordedTreeHead {
  head: TreeHead;
  position: number;
}

/**
 * The signed tree heads and their witnesses' cosignatures, read from the event store's `audit-tree-heads` stream and
 * kept in memory; `refresh` reads only what was appended since the last look, so
 * heads signed by another process are seen too. Sizes strictly increase along the
 * stream (the tree-head decider's rule), which makes lookups a binary search.
 */
export const createTreeHeadIndex = (eventStore: EventStore) => {
  const heads: RecordedTreeHead[] = [];
  const cosignatures = new Map<number, TreeHeadCosignature[]>();
  const rotations: { rotation: SigningKeyRotation; position: number }[] = [];
  let revision = -1;

  const refresh = async (): Promise<void> => {
    const tail = await eventStore.readStream(treeHeadStreamId, { fromRevision: revision + 1 });
    for (const event of tail) {
      // Two refreshes may read the same tail; each event is taken once.
      if (event.revision <= revision) continue;
      if (event.type === 'TreeHeadSigned') {
        heads.push({ head: event.data as TreeHead, position: event.position });
      } else if (event.type === 'TreeHeadCosigned') {
        const cosignature = event.data as TreeHeadCosignature;
        const known = cosignatures.get(cosignature.treeSize) ?? [];
        cosignatures.set(cosignature.treeSize, [...known, cosignature]);
      } else if (event.type === 'SigningKeyRotated') {
        rotations.push({ rotation: event.data as SigningKeyRotation, position: event.position });
      }
      revision = event.revision;
    }
  };

  /** The head of exactly `treeSize` leaves, if one was signed. */
  const bySize = (treeSize: number): RecordedTreeHead | null => {
    let low = 0;
    let high = heads.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = heads[middle]!;
      if (found.head.treeSize === treeSize) return found;
      if (found.head.treeSize < treeSize) low = middle + 1;
      else high = middle - 1;
    }
    return null;
  };

  return {
    refresh,
    bySize,
    latest: (): RecordedTreeHead | null => heads.at(-1) ?? null,
    /** The witnesses' cosignatures of the head of `treeSize`, in the order recorded. */
    cosignaturesOf: (treeSize: number): readonly TreeHeadCosignature[] =>
      cosignatures.get(treeSize) ?? [],
    all: (): readonly RecordedTreeHead[] => heads,
    /**
     * Where the events written before writes were authenticated end, as the first
     * head to say it signed it (later heads repeat it); null while no head says.
     */
    legacyUpTo: (): number | null =>
      heads.find(({ head }) => head.legacyUpTo !== undefined)?.head.legacyUpTo ?? null,
    /** The signing keys handed on, in the order recorded. */
    rotations: (): readonly { rotation: SigningKeyRotation; position: number }[] => rotations,
  };
};

export type TreeHeadIndex = ReturnType<typeof createTreeHeadIndex>;
