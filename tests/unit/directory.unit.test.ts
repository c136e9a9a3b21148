import type { UnitEvent } from '../../contracts/events/index.ts';
import type { UnitCommand } from '../../services/directory/domain/commands.ts';
import { unitDecider } from '../../services/directory/domain/decider.ts';
import { given } from './support/given-when-then.ts';

const registerUnit = (name: string, unitId = 'education-bureau'): UnitCommand => ({
  type: 'RegisterUnit',
  data: { unitId, name },
});

const unitRegistered: UnitEvent = {
  type: 'UnitRegistered',
  data: { unitId: 'education-bureau', name: 'Education Bureau', category: 'government' },
};

describe('registering a unit', () => {
  it('records the unit with its name trimmed', () => {
    given(unitDecider, []).when(registerUnit('  Education Bureau ')).then([unitRegistered]);
  });

  it('records the category given: the supervising office is not ranked', () => {
    given(unitDecider, [])
      .when({
        type: 'RegisterUnit',
        data: { unitId: 'office', name: '督查室', category: 'supervision' },
      })
      .then([
        {
          type: 'UnitRegistered',
          data: { unitId: 'office', name: '督查室', category: 'supervision' },
        },
      ]);
  });

  it('refuses a category that is not one, naming it', () => {
    const command = {
      type: 'RegisterUnit',
      data: { unitId: 'office', name: '督查室', category: 'ministry' },
    } as unknown as UnitCommand;
    given(unitDecider, []).when(command).thenThrows('VALIDATION', 'category');
  });

  it('happens only once', () => {
    given(unitDecider, [unitRegistered])
      .when(registerUnit('Education Bureau'))
      .thenThrows('ILLEGAL_STATE', 'unitId');
  });

  it('needs a name', () => {
    given(unitDecider, []).when(registerUnit('   ')).thenThrows('VALIDATION', 'name');
  });

  it('refuses a name longer than the limit', () => {
    given(unitDecider, [])
      .when(registerUnit('x'.repeat(101)))
      .thenThrows('VALIDATION', 'name');
  });

  it('needs a unit id fit for a stream id', () => {
    given(unitDecider, [])
      .when(registerUnit('Education', 'a/b'))
      .thenThrows('VALIDATION', 'unitId');
  });
});
