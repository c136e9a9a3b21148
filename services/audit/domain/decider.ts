import type { AuditEvent } from '../../../contracts/events/index.ts';
import type { Decider } from '../../shared/decider.ts';
import type { TreeHeadCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, initialState, type TreeHeadState } from './state.ts';

/** The chain of signed tree heads (the audit stream `audit-tree-heads`). */
export const treeHeadDecider: Decider<TreeHeadCommand, AuditEvent, TreeHeadState> = {
  initialState,
  evolve,
  decide,
};
