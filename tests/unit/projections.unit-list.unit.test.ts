import type { UnitEvent } from '../../contracts/events/index.ts';
import { unitListProjection } from '../../projections/unit-list/projection.ts';
import { deepFreeze, envelopes, project, recordedAt } from './support/project.ts';
import { taskRegistered } from './support/task-fixtures.ts';

const unitRegistered: UnitEvent = {
  type: 'UnitRegistered',
  data: { unitId: 'education-bureau', name: 'Education Bureau' },
};

describe('the unit list', () => {
  it('lists a registered unit with its name and registration time, a government department', () => {
    expect(project(unitListProjection, [unitRegistered], 'unit-education-bureau')).toEqual({
      id: 'education-bureau',
      position: 1,
      name: 'Education Bureau',
      category: 'government',
      registeredAt: recordedAt(0),
      parentUnitId: null,
      path: ['education-bureau'],
      level0: 'education-bureau',
    });
  });

  it('keeps the category it was registered in', () => {
    const office = { ...unitRegistered, data: { ...unitRegistered.data, category: 'supervision' } };
    expect(
      project(unitListProjection, [office as UnitEvent], 'unit-education-bureau'),
    ).toMatchObject({ category: 'supervision' });
  });

  it('keeps the unit under its id, in collection units', () => {
    const [envelope] = envelopes([unitRegistered], 'unit-education-bureau');
    expect(unitListProjection.collection).toBe('units');
    expect(unitListProjection.documentId(envelope!)).toBe('education-bureau');
  });

  it('touches no document for a task event, and changes none', () => {
    const [, envelope] = envelopes([unitRegistered, taskRegistered]);
    const item = deepFreeze(project(unitListProjection, [unitRegistered]));
    expect(unitListProjection.documentId(envelope!)).toBeNull();
    expect(unitListProjection.evolve(item, envelope!)).toBe(item);
  });
});
