import { persistedQueryOf } from '../operations/hash.ts';
import { getToken } from './session-store.ts';

/**
 * A refusal from the API, with the code and (for input errors) the field it
 * concerns. Input errors come with one of two codes: VALIDATION, a value the
 * user gave that breaks a rule; GRAPHQL_VALIDATION, a request the console got
 * wrong (a field the server's schema does not have: the console is older or
 * newer than the server), which no change to the form can mend.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: string;
  readonly field: string | null;
  /** The rule an input broke, as the server states it (for VALIDATION and GRAPHQL_VALIDATION). */
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

/** What the gateway answers when it does not hold a persisted operation's hash. */
const unknownHash = (error: ApiError) =>
  error.code === 'NOT_FOUND' && error.field === 'extensions.persistedQuery.sha256Hash';

const post = async <T>(body: object): Promise<T> => {
  const token = getToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: GraphQLErrorShape[];
  };
  const first = answer.errors?.[0];
  if (first) throw asApiError(first);
  if (!answer.data) throw new ApiError(`HTTP ${response.status}`, 'INTERNAL', null);
  return answer.data;
};

/**
 * One GraphQL request to this origin's /graphql, as the signed-in user. The
 * console's documents are persisted when it is built, so it names each by its
 * hash; a gateway without them (a development server) gets the text instead.
 */
export const gql = async <T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> => {
  try {
    try {
      return await post<T>({ variables, extensions: persistedQueryOf(query) });
    } catch (error) {
      if (!(error instanceof ApiError && unknownHash(error))) throw error;
      return await post<T>({ query, variables });
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
};
