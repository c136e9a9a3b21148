/**
 * Stable error codes. Clients branch on these, never on messages.
 * Broken rules throw a DomainError; anything else is a bug, masked at the edge.
 * UNAVAILABLE is the one code that is not the request's fault: a store cannot
 * take the write now (a full disk, a log that lost its tail); retry later.
 * RATE_LIMITED and OVERLOADED are answered by the gateway alone, before any work:
 * too many requests from one actor, too many in flight in one gateway process.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_STATE'
  | 'RATE_LIMITED'
  | 'OVERLOADED'
  | 'UNAVAILABLE';

export const errorCodes: readonly ErrorCode[] = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_STATE',
  'RATE_LIMITED',
  'OVERLOADED',
  'UNAVAILABLE',
];

export interface ErrorDetails {
  /** Dotted path of the offending input field, e.g. `input.percent`. */
  field?: string;
  /** The rule that was broken, in a few words, e.g. `between 0 and 100`. */
  rule?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);

/** `field` must satisfy `rule`: the message names both. */
export const validationError = (field: string, rule: string): DomainError =>
  new DomainError('VALIDATION', `${field}: ${rule}`, { field, rule });

export const notFound = (field: string, what: string): DomainError =>
  new DomainError('NOT_FOUND', `${field}: ${what} not found`, { field, rule: 'must exist' });

export const illegalState = (message: string, field?: string): DomainError =>
  new DomainError('ILLEGAL_STATE', message, field ? { field } : {});

export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);

/** A store cannot serve the request now, for a reason an operator must fix; retry later. */
export const unavailable = (message: string): DomainError =>
  new DomainError('UNAVAILABLE', message);

/** Whether `error` is an UNAVAILABLE DomainError. */
export const isUnavailable = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === 'UNAVAILABLE';
