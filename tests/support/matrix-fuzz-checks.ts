import { errorCodes } from '../../contracts/errors.ts';
import type { FuzzRequest, FuzzResponse } from './matrix-fuzz-request.ts';

type FuzzError = NonNullable<NonNullable<FuzzResponse['body']>['errors']>[number];

/**
 * The codes a client may see: the domain's, and the gateway's for a document
 * GraphQL finds wrong. INTERNAL (a masked bug) is not one of them.
 */
const clientCodes: readonly unknown[] = [...errorCodes, 'UNAVAILABLE', 'GRAPHQL_VALIDATION'];

const inputCodes: readonly unknown[] = ['VALIDATION', 'GRAPHQL_VALIDATION'];

/** Input errors name the field and the rule; a missing thing names the field. */
const isNamed = (error: FuzzError): boolean => {
  const { code, field, rule } = error.extensions ?? {};
  const needsField = inputCodes.includes(code) || code === 'NOT_FOUND';
  if (needsField && (typeof field !== 'string' || field === '')) return false;
  return !inputCodes.includes(code) || (typeof rule === 'string' && rule !== '');
};

/**
 * An answer fit for a client whatever it was sent: no server error, no stack
 * trace or source path, a GraphQL response whose every error has one of the
 * project's codes, and input errors that name the field and the rule.
 */
export const expectSafeAnswer = (response: FuzzResponse): void => {
  expect(response.status).toBeLessThan(500);
  expect(response.text).not.toMatch(/\bat [^"\n]*\.(?:ts|js|cjs|mjs):\d+/);
  expect(response.text).not.toMatch(/node_modules|file:\/\/|\/work\//);
  expect(response.body).not.toBeNull();
  const errors = response.body?.errors ?? [];
  for (const error of errors) {
    expect(clientCodes).toContain(error.extensions?.code);
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('originalError');
  }
  expect(errors.filter((error) => !isNamed(error))).toEqual([]);
};

const keyOf = (request: FuzzRequest): string | null => {
  const input = request.args.input;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const key = (input as Record<string, unknown>).idempotencyKey;
  return typeof key === 'string' ? key : null;
};

const withKey = (request: FuzzRequest, key: string): FuzzRequest => ({
  ...request,
  args: { ...request.args, input: { ...(request.args.input as object), idempotencyKey: key } },
});

/**
 * The idempotency keys the fuzz has stored commands with. A key is bound to the
 * stream and the actor, not to the command: reused for another command on the
 * same task it answers with the first command's result and stores nothing. The
 * fuzz keeps each key to one mutation, so that a success storing nothing can
 * only be a true replay.
 */
export const createKeyLedger = () => {
  const owners = new Map<string, string>();
  const slot = (caller: string, key: string) => `${caller}|${key}`;
  return {
    /** The request, its key made this mutation's own when another mutation stored with it. */
    own(caller: string, name: string, request: FuzzRequest): FuzzRequest {
      const key = keyOf(request);
      const owner = key === null ? undefined : owners.get(slot(caller, key));
      return key === null || owner === undefined || owner === name
        ? request
        : withKey(request, `${key.slice(0, 64)}#${name}`);
    },
    /** Remembers the key of a request that succeeded. */
    record(caller: string, name: string, request: FuzzRequest): void {
      const key = keyOf(request);
      if (key !== null) owners.set(slot(caller, key), name);
    },
    /** Whether an earlier success of this very mutation stored with the request's key. */
    isReplay(caller: string, name: string, request: FuzzRequest): boolean {
      const key = keyOf(request);
      return key !== null && owners.get(slot(caller, key)) === name;
    },
  };
};
