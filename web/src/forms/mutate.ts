import { gql } from '../core/api.ts';

/**
 * Sends one mutation with its input. The gateway names each attempt with an
 * idempotency key when the client gives none.
 */
export const mutate = (field: string, inputType: string, input: Record<string, unknown>) =>
  gql(`mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename } }`, { input });

/** A number where the text is one; otherwise the text, so the server names the field it breaks. */
export const numeric = (text: unknown): unknown => {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
};

/** Empty text means "not given". */
export const optional = (text: unknown): string | null =>
  typeof text === 'string' && text.trim() !== '' ? text : null;
