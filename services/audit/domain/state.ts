import type { AuditEvent } from '../../../contracts/events/index.ts';

/**
 * The decision state of the tree-head stream: the size of the last head signed
 * (0: none), each head's root by size, and the cosignatures recorded
 * (`<keyId>/<size>`).
 */
export type TreeHeadState = {
  treeSize: number;
  /** The key heads must now be signed with: the last head's, or the last rotation's new key. */
  keyId: string | null;
  /** The legacy range the first head to say it fixed (see TreeHead.legacyUpTo); null: not said yet. */
  legacyUpTo: number | null;
  /** The highest lease term a head was recorded under (see TreeHead.leaseTerm); null: none. */
  leaseTerm: number | null;
  roots: ReadonlyMap<number, string>;
  cosigned: ReadonlySet<string>;
};

export const initialState = (): TreeHeadState => ({
  treeSize: 0,
  keyId: null,
  legacyUpTo: null,
  leaseTerm: null,
  roots: new Map(),
  cosigned: new Set(),
});

/** The key of a witness's cosignature of the head of `treeSize`. */
export const cosignedKey = (keyId: string, treeSize: number): string => `${keyId}/${treeSize}`;

/** The higher of the term kept and a head's (absent on heads signed without one). */
const laterTerm = (kept: number | null, term: number | undefined): number | null =>
  term === undefined ? kept : kept === null ? term : Math.max(kept, term);

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: TreeHeadState, event: AuditEvent): TreeHeadState => {
  switch (event.type) {
    case 'TreeHeadSigned':
      return {
        ...state,
        treeSize: event.data.treeSize,
        keyId: event.data.keyId,
        legacyUpTo: state.legacyUpTo ?? event.data.legacyUpTo ?? null,
        leaseTerm: laterTerm(state.leaseTerm, event.data.leaseTerm),
        roots: new Map(state.roots).set(event.data.treeSize, event.data.rootHash),
      };
    case 'TreeHeadCosigned':
      return {
        ...state,
        cosigned: new Set(state.cosigned).add(cosignedKey(event.data.keyId, event.data.treeSize)),
      };
    case 'SigningKeyRotated':
      return { ...state, keyId: event.data.toKeyId };
    case 'AuditHistoryRead':
    case 'AuditAlarmRaised':
      // Read records and alarms live in their own streams; they never move the chain of heads.
      return state;
    default: {
      // An event type newer than this code changes nothing the rule reads.
      const _exhaustive: never = event;
      return state;
    }
  }
};
