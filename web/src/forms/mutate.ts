import { gql } from '../core/api.ts';
import { noteWritten } from '../core/written.ts';
import { type ConsoleMutation, mutationDocument } from '../operations/mutations.ts';

/**
 * Sends one mutation with its input and notes the log position it reached for
 * its task. The gateway names each attempt with an idempotency key when the
 * client gives none.
 */
export const mutate = async (field: ConsoleMutation, input: Record<string, unknown>) => {
  const answer = await gql<Record<string, { position: number }>>(mutationDocument(field), {
    input,
  });
  const position = answer[field]?.position;
  if (typeof input.taskId === 'string' && typeof position === 'number') {
    noteWritten(input.taskId, position);
  }
  return answer;
};

/** A number where the text is one; otherwise the text, so the server names the field it breaks. */
export const numeric = (text: unknown): unknown => {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
};

/** Empty text means "not given". */
export const optional = (text: unknown): string | null =>
  typeof text === 'string' && text.trim() !== '' ? text : null;
