import type { Actor, Role } from '../../contracts/actor.ts';
import type { Operation } from '../../contracts/permissions.ts';
import { permissions, scopeOf } from '../../contracts/permissions.ts';
import type { Caller } from '../support/matrix-callers.ts';
import {
  actorIdOf,
  actorOf,
  callers,
  expectationOf,
  permittedCallerOf,
} from '../support/matrix-callers.ts';
import type { BrokerCase, HttpCase } from '../support/matrix-cases.ts';
import { matrixCases, unlistedFields } from '../support/matrix-cases.ts';
import type { Scenario } from '../support/matrix-scenario.ts';
import { startScenario } from '../support/matrix-scenario.ts';
import { rootFields } from '../support/matrix-schema.ts';

/**
 * Walks the whole permission matrix (contracts/permissions.ts) through HTTP: for
 * every operation and every caller, in a state where the call is otherwise
 * valid, an allowed caller succeeds and any other is refused with FORBIDDEN (or
 * UNAUTHENTICATED without a token), storing nothing; the very same call then
 * succeeds for a permitted caller, so the refusal was about who asked.
 */
const operations = Object.keys(permissions) as Operation[];

const casesOf = (operation: Operation) => matrixCases[operation] ?? [];

const httpCases = (operation: Operation) =>
  casesOf(operation).filter((c): c is HttpCase => c.via === 'http');

const brokerCases = (operation: Operation) =>
  casesOf(operation).filter((c): c is BrokerCase => c.via === 'broker');

describe('the permission matrix', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await startScenario();
  });
  afterAll(() => s.sys.stop());

  const call = (c: HttpCase, variables: Record<string, unknown>, caller: Caller) =>
    s.call(
      c.kind,
      c.field,
      c.forCaller ? c.forCaller(variables, caller) : variables,
      caller.name,
      c.selection,
    );

  const expectSuccess = async (
    operation: Operation,
    c: HttpCase,
    variables: Record<string, unknown>,
    caller: Caller,
  ) => {
    const before = await s.sys.lastPosition();
    const result = await call(c, variables, caller);
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty([c.field]);
    // A command leaves its trace; reads may too (audited reads), so only commands are held to it.
    if (permissions[operation].kind === 'command') {
      expect(await s.sys.lastPosition()).toBeGreaterThan(before);
    }
    c.check?.(result.data ?? {}, caller);
  };

  describe('every operation is walked', () => {
    it.each(operations)('%s has a case', (operation) => {
      expect(casesOf(operation).length).toBeGreaterThan(0);
    });

    it('walks every root field the gateway serves, and only fields it serves', () => {
      const walked = operations.flatMap((operation) => httpCases(operation).map((c) => c.field));
      const served = rootFields(s.schema).map(({ name }) => name);
      expect(
        served.filter((name) => !walked.includes(name) && !Object.hasOwn(unlistedFields, name)),
      ).toEqual([]);
      expect(walked.filter((name) => !served.includes(name))).toEqual([]);
    });
  });

  describe('who-am-I, outside the table', () => {
    it('answers every token with its own actor, and no token with UNAUTHENTICATED', async () => {
      for (const caller of callers) {
        const result = await s.call('query', 'me', {}, caller.name, '{ id role unitId }');
        if (caller.role === null) {
          expect(result.errors?.map((error) => error.extensions?.code)).toEqual([
            'UNAUTHENTICATED',
          ]);
        } else {
          const unitId = caller.unitId ?? null;
          // GraphQL spells the role as an enum value: the token's `office` is `OFFICE`.
          const role = caller.role.toUpperCase();
          expect(result.data?.me).toEqual({ id: actorIdOf(caller), role, unitId });
        }
      }
    });
  });

  describe.each(operations)('%s over HTTP', (operation) => {
    const cases = httpCases(operation);
    const each = cases.map((c) => [c.field, c] as const);
    if (each.length === 0) return;

    describe.each(each)('as the field %s', (_field, c) => {
      const allowed = callers.filter((caller) => expectationOf(operation, caller) === 'allowed');
      const refused = callers.filter((caller) => expectationOf(operation, caller) !== 'allowed');

      if (allowed.length > 0) {
        it.each(allowed.map((caller) => [caller.label, caller] as const))(
          'lets %s use it',
          async (_label, caller) => {
            await expectSuccess(operation, c, await c.prepare(s), caller);
          },
        );
      }

      if (refused.length > 0) {
        it.each(refused.map((caller) => [caller.label, expectationOf(operation, caller), caller]))(
          'refuses %s with %s, stores nothing, and then serves a permitted caller',
          async (_label, code, caller) => {
            const variables = await c.prepare(s);
            const before = await s.sys.lastPosition();
            const result = await call(c, variables, caller as Caller);
            expect(result.errors?.map((error) => error.extensions?.code)).toEqual([code]);
            expect(result.data?.[c.field] ?? null).toBeNull();
            expect(await s.sys.lastPosition()).toBe(before);
            await expectSuccess(operation, c, variables, permittedCallerOf(operation));
          },
        );
      }
    });
  });

  describe.each(operations.filter((operation) => brokerCases(operation).length > 0))(
    '%s over the broker',
    (operation) => {
      const actors: [string, Actor | undefined][] = [
        ...callers.map((caller) => [caller.label, actorOf(caller)] as [string, Actor | undefined]),
        ['the system clock', { id: 'system', role: 'system' }],
      ];
      const allowedFor = (actor: Actor | undefined) =>
        actor !== undefined && scopeOf(operation, actor.role as Role) !== null;

      describe.each(brokerCases(operation).map((c) => [c.action, c] as const))(
        'as the action %s',
        (_action, c) => {
          it.each(actors)('answers %s as the table says', async (_label, actor) => {
            const before = await s.sys.lastPosition();
            const call = s.sys.system.broker.call(c.action, c.params, {
              meta: actor ? { actor } : {},
            });
            if (allowedFor(actor)) await expect(call).resolves.toBeDefined();
            else await expect(call).rejects.toMatchObject({ type: 'FORBIDDEN' });
            expect(await s.sys.lastPosition()).toBe(before);
          });
        },
      );
    },
  );
});
