import type { z } from 'zod';
import { validationError } from '../../contracts/errors.ts';

/** `evidence[0].sha256`: the same way graphql-js and the deciders name a field. */
const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );

/** Parses input or throws VALIDATION naming the first broken field and its rule. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? fieldPath(issue.path) : 'input';
  throw validationError(field, issue?.message ?? 'is invalid');
};
