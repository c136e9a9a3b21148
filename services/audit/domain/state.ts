import type { AuditEvent } from '../../../contracts/events/index.ts';

/** The decision state of the tree-head stream: the size of the last head signed (0: none). */
export type TreeHeadState = { treeSize: number };

export const initialState = (): TreeHeadState => ({ treeSize: 0 });

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: TreeHeadState, event: AuditEvent): TreeHeadState => {
  switch (event.type) {
    case 'TreeHeadSigned':
      return { treeSize: event.data.treeSize };
    case 'AuditHistoryRead':
      // Read records live in their own streams; they never move the chain of heads.
      return state;
    default: {
      // An event type newer than this code changes nothing the rule reads.
      const _exhaustive: never = event;
      return state;
    }
  }
};
