import type { z } from 'zod';
import { validationError } from '../../contracts/errors.ts';

/** Parses input or throws VALIDATION naming the first broken field and its rule. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : 'input';
  throw validationError(field, issue?.message ?? 'is invalid');
};
