import type { DocumentChange } from '../port.ts';

/** A checkpoint bound must be a log position: a whole number from 0. */
export function assertPosition(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`checkpoint ${name} ${value} is not a position`);
  }
}

/** A lease term, when given, must be a whole number from 0. */
export function assertTerm(value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new TypeError(`checkpoint term ${value} is not a lease term`);
  }
}

/** Whether a commit's term is older than the highest one its checkpoint has seen. */
export const isStaleTerm = (term: number | undefined, highest: number | null): boolean =>
  term !== undefined && highest !== null && term < highest;

/** An offset or limit must be a whole number from 0, or absent. */
export function assertCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new TypeError(`read-model query ${name} ${value} is not a count`);
  }
}

/**
 * The document of a change as plain JSON data: what JSON cannot carry is refused
 * (it would not read back), and what it carries differently (dates, undefined)
 * is written as JSON would read it, so every adapter stores the same thing.
 */
export function plainDocument(change: DocumentChange): Record<string, unknown> {
  const { doc } = change;
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const json = isObject ? JSON.stringify(doc) : undefined;
  if (json === undefined) {
    throw new TypeError(`read-model document ${change.collection}/${change.id} is not an object`);
  }
  return JSON.parse(json) as Record<string, unknown>;
}
