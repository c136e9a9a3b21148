import type { UnitEvent } from '../../../contracts/events/index.ts';
import type { Decider } from '../../shared/decider.ts';
import type { UnitCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, initialState, type UnitState } from './state.ts';

/** The directory's unit aggregate (责任单位). */
export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  initialState,
  evolve,
  decide,
};
