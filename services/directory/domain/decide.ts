import { illegalState } from '../../../contracts/errors.ts';
import type { UnitEvent } from '../../../contracts/events/index.ts';
import { limits } from '../../../contracts/limits.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { UnitCommand } from './commands.ts';
import { newId, requiredText } from './rules.ts';
import type { UnitState } from './state.ts';

const registerUnit = (data: UnitCommand['data'], state: UnitState): UnitEvent[] => {
  if (state.registered) throw illegalState(`unit ${data.unitId} is already registered`, 'unitId');
  return [
    {
      type: 'UnitRegistered',
      data: {
        unitId: newId('unitId', data.unitId),
        name: requiredText('name', data.name, limits.name),
      },
    },
  ];
};

/** Decides a unit command: the events it causes, or a DomainError. */
export const decide = (
  command: UnitCommand,
  state: UnitState,
  _context: DecisionContext,
): UnitEvent[] => {
  switch (command.type) {
    case 'RegisterUnit':
      return registerUnit(command.data, state);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`unknown unit command ${_exhaustive as string}`);
    }
  }
};
