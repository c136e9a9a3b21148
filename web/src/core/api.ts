import { getToken } from './session-store.ts';

/** A refusal from the API, with the code and (for input errors) the field it concerns. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: string;
  readonly field: string | null;
  /** The rule an input broke, as the server states it (for VALIDATION). */
  readonly rule: string | null;

  constructor(message: string, code: string, field: string | null, rule: string | null = null) {
    super(message);
    this.code = code;
    this.field = field;
    this.rule = rule;
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: unknown; field?: unknown; rule?: unknown };
}

const asApiError = (error: GraphQLErrorShape): ApiError =>
  new ApiError(
    error.message,
    typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL',
    typeof error.extensions?.field === 'string' ? error.extensions.field : null,
    typeof error.extensions?.rule === 'string' ? error.extensions.rule : null,
  );

/** Called when the server no longer accepts the token (expired, another key). */
let onUnauthenticated: () => void = () => undefined;
export const whenUnauthenticated = (handler: () => void): void => {
  onUnauthenticated = handler;
};

/** One GraphQL request to this origin's /graphql, as the signed-in user. */
export const gql = async <T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> => {
  const token = getToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: GraphQLErrorShape[];
  };
  const first = body.errors?.[0];
  if (first) {
    const error = asApiError(first);
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  if (!body.data) throw new ApiError(`HTTP ${response.status}`, 'INTERNAL', null);
  return body.data;
};
