import type { UnitEvent } from '../../contracts/events/index.ts';
import { maxUnitDepth } from '../../contracts/events/unit-events.ts';
import { unitListProjection } from '../../projections/unit-list/projection.ts';
import type { UnitCommand } from '../../services/directory/domain/commands.ts';
import { unitDecider } from '../../services/directory/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { project } from './support/project.ts';

/** A district with a street; the street's path as the directory would look it up. */
const paths = { district: ['district'], street: ['district', 'street'] };

const registerUnder = (
  unitId: string,
  parentUnitId: string | null,
  unitPaths: Record<string, string[]> = paths,
): UnitCommand => ({
  type: 'RegisterUnit',
  data: { unitId, name: unitId, parentUnitId, unitPaths },
});

describe('a unit registered under a parent', () => {
  it('records its parent and the parent’s path, the top first', () => {
    given(unitDecider, [])
      .when(registerUnder('community', 'street'))
      .then([
        {
          type: 'UnitRegistered',
          data: {
            unitId: 'community',
            name: 'community',
            category: 'government',
            parentUnitId: 'street',
            ancestorUnitIds: ['district', 'street'],
          },
        },
      ]);
  });

  it('without a parent is a top-level unit, recorded as every unit was before the tree', () => {
    given(unitDecider, [])
      .when(registerUnder('district', null))
      .then([
        {
          type: 'UnitRegistered',
          data: { unitId: 'district', name: 'district', category: 'government' },
        },
      ]);
  });

  it('is refused under a parent the directory does not know, naming the field', () => {
    given(unitDecider, [])
      .when(registerUnder('community', 'nowhere'))
      .thenThrows('NOT_FOUND', 'parentUnitId');
  });

  it('is refused under itself: a unit cannot be its own ancestor', () => {
    given(unitDecider, [])
      .when(registerUnder('street', 'street'))
      .thenThrows('VALIDATION', 'parentUnitId');
  });

  it('is refused under one of its own sub-units: the tree has no cycles', () => {
    // The street's path, as looked up, runs through the unit being placed.
    given(unitDecider, [])
      .when(registerUnder('district', 'street'))
      .thenThrows('VALIDATION', 'parentUnitId');
  });

  it(`is refused deeper than ${maxUnitDepth} levels`, () => {
    const deep = Array.from({ length: maxUnitDepth }, (_, index) => `u${index}`);
    given(unitDecider, [])
      .when(registerUnder('below', 'u5', { u5: deep }))
      .thenThrows('VALIDATION', 'parentUnitId');
  });
});

describe('the unit list of a tree', () => {
  const registered = (unitId: string, parentUnitId?: string, ancestorUnitIds?: string[]) =>
    ({
      type: 'UnitRegistered',
      data: {
        unitId,
        name: unitId,
        ...(parentUnitId ? { parentUnitId, ancestorUnitIds } : {}),
      },
    }) as UnitEvent;

  it('keeps each unit’s parent, its path and one field per level, so a subtree is one equality', () => {
    const row = project(
      unitListProjection,
      [registered('community', 'street', ['district', 'street'])],
      'unit-community',
    );
    expect(row).toMatchObject({
      parentUnitId: 'street',
      path: ['district', 'street', 'community'],
      level0: 'district',
      level1: 'street',
      level2: 'community',
    });
    expect(unitListProjection.indexes).toEqual(
      expect.arrayContaining(['level0', 'level1', 'level2']),
    );
  });

  it('keeps a top-level unit at the top: its path is itself', () => {
    expect(project(unitListProjection, [registered('district')], 'unit-district')).toMatchObject({
      parentUnitId: null,
      path: ['district'],
      level0: 'district',
    });
  });
});
