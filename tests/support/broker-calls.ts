import type { Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { TestSystem } from './test-system.ts';

/** The people of the integration tests. */
export const office: Actor = { id: 'office-1', role: 'office' };
export const leader: Actor = { id: 'leader-1', role: 'leader' };
export const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
export const head = (unitId: string): Actor => ({
  id: `head-${unitId}`,
  role: 'department_head',
  unitId,
});

/** The error a call rejects with; fails the test when it resolves. */
export const refusal = async (call: Promise<unknown>): Promise<Errors.MoleculerError> => {
  try {
    await call;
  } catch (error) {
    return error as Errors.MoleculerError;
  }
  throw new Error('expected the call to be refused, but it was accepted');
};

export type Answer = Record<string, unknown> & { revision: number; position: number };

/**
 * Calls service actions over the broker of a started test system as an actor, and
 * checks refusals: the code (and field) and that nothing was stored. `system` is
 * read at call time, so the helpers can be made before `beforeAll` starts it.
 */
export const brokerCalls = (system: () => TestSystem) => {
  const call = <T = Answer>(action: string, params: object, actor: Actor): Promise<T> =>
    system().system.broker.call<T, object>(action, params, { meta: { actor } });

  const refused = async (
    action: string,
    params: object,
    actor: Actor,
    code: string,
    field?: string,
  ) => {
    const before = await system().lastPosition();
    const error = await call(action, params, actor).then(
      () => null,
      (failure: Errors.MoleculerError) => failure,
    );
    expect(error?.type).toBe(code);
    if (field !== undefined)
      expect((error?.data as { field?: string } | undefined)?.field).toBe(field);
    expect(await system().lastPosition()).toBe(before);
  };

  return { call, refused };
};
