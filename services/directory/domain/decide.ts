import { illegalState } from '../../../contracts/errors.ts';
import { defaultUnitCategory, type UnitEvent } from '../../../contracts/events/index.ts';
import { fieldChecker } from '../../shared/checked-fields.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { UnitCommand } from './commands.ts';
import { placement } from './hierarchy.ts';
import type { UnitState } from './state.ts';

const withCheckedFields = fieldChecker('directory');

const registerUnit = (data: UnitCommand['data'], state: UnitState): UnitEvent[] => {
  if (state.registered) throw illegalState(`unit ${data.unitId} is already registered`, 'unitId');
  const placed = placement(data.unitId, data.parentUnitId, data.unitPaths ?? {});
  return [
    {
      type: 'UnitRegistered',
      data: {
        unitId: data.unitId,
        name: data.name,
        category: data.category ?? defaultUnitCategory,
        ...(placed ?? {}),
      },
    },
  ];
};

/**
 * Decides a unit command: the events it causes, or a DomainError. Its fields
 * are checked by its declaration before its own rules.
 */
export const decide = (
  command: UnitCommand,
  state: UnitState,
  _context: DecisionContext,
): UnitEvent[] => {
  const checked = withCheckedFields(command);
  switch (checked.type) {
    case 'RegisterUnit':
      return registerUnit(checked.data, state);
    default: {
      const _exhaustive: never = checked.type;
      throw new Error(`unknown unit command ${_exhaustive as string}`);
    }
  }
};
