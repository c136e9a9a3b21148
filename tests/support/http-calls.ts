import type { TestSystem } from './test-system.ts';

/** A GraphQL answer as a test reads it. */
export type GraphQLResult = {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** One GraphQL request to a gateway at `url`, with a bearer token (a node in its own process). */
export const postGraphQL = async (
  url: string,
  token: string,
  query: string,
  variables: object = {},
): Promise<GraphQLResult> => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult;
};

/** /readyz of a test system: its status and what it says is missing. */
export const readiness = async (sys: TestSystem) => {
  const response = await fetch(`${sys.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { missing?: string[] } };
};

/** Polls /readyz until it answers 503 (a background check takes a moment), or gives its last answer. */
export const unready = async (sys: TestSystem) => {
  for (let tries = 0; tries < 200; tries++) {
    const answer = await readiness(sys);
    if (answer.status === 503) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readiness(sys);
};
