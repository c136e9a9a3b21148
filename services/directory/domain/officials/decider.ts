import type { OfficialEvent } from '../../../../contracts/events/index.ts';
import type { Decider } from '../../../shared/decider.ts';
import type { OfficialCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, initialState, type OfficialState } from './state.ts';

/**
 * The directory's official aggregate (干部): who they are and which posts they
 * held in which unit over time, so responsibility on any date can be answered.
 */
export const officialDecider: Decider<OfficialCommand, OfficialEvent, OfficialState> = {
  initialState,
  evolve,
  decide,
};
