import { taskEventTypes, unitEventTypes } from '../../contracts/events/index.ts';
import { allProjections } from '../../projections/index.ts';

describe('the projections the projector runs', () => {
  it('each write their own collection under their own name', () => {
    const collections = allProjections.map((projection) => projection.collection);
    const names = allProjections.map((projection) => projection.name);
    expect(new Set(collections).size).toBe(allProjections.length);
    expect(new Set(names).size).toBe(allProjections.length);
    // Other read models join the list; these three stay.
    expect(collections).toEqual(expect.arrayContaining(['task_list', 'tasks', 'units']));
  });

  it('cover every task and unit event type between them', () => {
    const handled = new Set(allProjections.flatMap((projection) => projection.handles));
    expect([...handled]).toEqual(expect.arrayContaining([...taskEventTypes, ...unitEventTypes]));
  });
});
