import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createGatewayServer } from '../../gateway/server.ts';
import { loadConfig } from '../../infra/config/config.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

interface Answer {
  status: number;
  headers: Headers;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: Record<string, unknown> | null;
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * A second gateway over the test system's broker, configured as a deployment
 * would be (production mode, persisted operations, rate limits, an issuer's keys).
 */
const gatewayWith = async (sys: TestSystem, env: Record<string, string>, now?: () => number) => {
  const config = loadConfig({ DATA_DIR: sys.dataDir, ...env });
  const server = createGatewayServer({
    broker: sys.system.broker,
    secret: sys.system.secret,
    graphiql: config.graphiql,
    logger: sys.system.broker.getLogger('hostile'),
    config,
    ...(now ? { now } : {}),
  });
  const url = await listen(server);
  const post = async (body: unknown, token?: string): Promise<Answer> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      ...((await response.json()) as object),
    };
  };
  return { url, post, close: () => close(server) };
};

type Gateway = Awaited<ReturnType<typeof gatewayWith>>;

const introspection = '{ __schema { queryType { name } } }';

describe('hostile clients against a configured gateway', () => {
  let sys: TestSystem;
  let office: string;
  let leader: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    leader = await sys.token('leader');
  });
  afterAll(() => sys.stop());

  /** Runs `request` and checks that it stored nothing. */
  const storesNothing = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = await sys.lastPosition();
    const answer = await request();
    expect(await sys.lastPosition()).toBe(before);
    return answer;
  };

  describe('in production mode', () => {
    let gateway: Gateway;
    beforeAll(async () => {
      gateway = await gatewayWith(sys, { NODE_ENV: 'production' });
    });
    afterAll(() => gateway.close());

    it('refuses introspection as VALIDATION', async () => {
      const answer = await storesNothing(() => gateway.post({ query: introspection }, office));
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION',
        field: '__schema',
        rule: 'introspection is disabled',
      });
    });

    it('refuses __type as well, but still answers __typename', async () => {
      const typeQuery = await gateway.post({ query: '{ __type(name: "Task") { name } }' }, office);
      expect(typeQuery.errors?.[0]?.extensions?.rule).toBe('introspection is disabled');
      const typename = await gateway.post({ query: '{ __typename me { id } }' }, office);
      expect(typename.data).toEqual({ __typename: 'Query', me: { id: 'office' } });
    });

    it('does not spell the schema out in suggestions', async () => {
      const answer = await gateway.post({ query: '{ tsk(id: "x") { id } }' }, office);
      expect(answer.errors?.[0]?.message).not.toContain('Did you mean');
    });

    it('serves no GraphiQL page', async () => {
      const response = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await response.text()).not.toContain('<html');
    });
  });

  describe('in production mode with GRAPHQL_INTROSPECTION and GRAPHIQL set', () => {
    let gateway: Gateway;
    beforeAll(async () => {
      gateway = await gatewayWith(sys, {
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'true',
        GRAPHIQL: 'true',
      });
    });
    afterAll(() => gateway.close());

    it('answers introspection', async () => {
      const answer = await gateway.post({ query: introspection }, office);
      expect(answer.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('still suggests field names, the schema being public', async () => {
      const answer = await gateway.post({ query: '{ tsk(id: "x") { id } }' }, office);
      expect(answer.errors?.[0]?.message).toContain('Did you mean');
    });

    it('serves GraphiQL', async () => {
      const response = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await response.text()).toContain('<html');
    });
  });

  describe('with a rate limit of 3 requests a minute', () => {
    let gateway: Gateway;
    let now: number;
    beforeAll(async () => {
      now = 0;
      gateway = await gatewayWith(sys, { RATE_LIMIT_PER_MINUTE: '3' }, () => now);
    });
    afterAll(() => gateway.close());

    const me = (token?: string) => gateway.post({ query: '{ me { id } }' }, token);
    const register = (id: string) =>
      gateway.post(
        { query: `mutation { registerUnit(input: {id: "${id}", name: "${id}"}) { id } }` },
        office,
      );

    it('answers RATE_LIMITED with 429 and Retry-After past the limit, storing nothing', async () => {
      for (let i = 0; i < 3; i++) expect((await me(office)).errors).toBeUndefined();
      const answer = await storesNothing(() => register('rate-limited-unit'));
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('20');
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfterSeconds: 20,
      });
    });

    it('keeps each actor to its own allowance', async () => {
      expect((await me(leader)).data).toEqual({ me: { id: 'leader' } });
    });

    it('charges clients without a valid token to their address', async () => {
      const anonymous = [];
      for (let i = 0; i < 4; i++)
        anonymous.push((await me('not-a-token')).errors?.[0]?.extensions?.code);
      expect(anonymous).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
      ]);
    });

    it('recovers as the allowance refills', async () => {
      now += 20_000;
      const answer = await register('after-the-wait');
      expect(answer.data).toEqual({ registerUnit: { id: 'after-the-wait' } });
      expect((await me(office)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });
  });

  describe('in persisted-only mode', () => {
    const listed = '{ me { id role } }';
    const hash = createHash('sha256').update(listed).digest('hex');
    const persistedQuery = (sha256Hash: string) => ({
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
    let gateway: Gateway;
    beforeAll(async () => {
      const file = path.join(sys.dataDir, 'persisted-operations.json');
      writeFileSync(file, JSON.stringify({ [hash]: listed }));
      gateway = await gatewayWith(sys, {
        GRAPHQL_PERSISTED_OPERATIONS_FILE: file,
        GRAPHQL_PERSISTED_ONLY: 'true',
      });
    });
    afterAll(() => gateway.close());

    it('runs a listed operation named by its hash', async () => {
      const answer = await gateway.post(persistedQuery(hash), office);
      expect(answer.data).toEqual({ me: { id: 'office', role: 'OFFICE' } });
    });

    it('refuses an arbitrary query as VALIDATION, storing nothing', async () => {
      const answer = await storesNothing(() =>
        gateway.post(
          { query: 'mutation { registerUnit(input: {id: "x", name: "x"}) { id } }' },
          office,
        ),
      );
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION',
        rule: 'only persisted operations are accepted',
      });
    });

    it.each([
      ['not JSON', 'must be JSON'],
      ['["{ me { id } }"]', 'must be a JSON object of hash → query'],
      ['{"abc": "{ me { id "}', 'entry abc does not parse'],
      ['{"abc": 42}', 'entry abc must be a query string'],
    ])('stops start-up on a file holding %s, naming the variable', async (text, problem) => {
      const file = path.join(sys.dataDir, 'broken-operations.json');
      writeFileSync(file, text);
      await expect(gatewayWith(sys, { GRAPHQL_PERSISTED_OPERATIONS_FILE: file })).rejects.toThrow(
        `GRAPHQL_PERSISTED_OPERATIONS_FILE=${file}: ${problem}`,
      );
    });

    it('refuses a hash it does not hold as NOT_FOUND', async () => {
      const answer = await gateway.post(persistedQuery('0'.repeat(64)), office);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'extensions.persistedQuery.sha256Hash',
      });
    });
  });

  describe('with tokens from an identity provider’s JWKS', () => {
    let gateway: Gateway;
    let jwks: Server;
    let sign: (claims: Record<string, unknown>) => Promise<string>;

    beforeAll(async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256' };
      jwks = createHttpServer((_, response) => {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [jwk] }));
      });
      const issuer = await listen(jwks);
      sign = (claims) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
          .setIssuer('https://id.district.example')
          .setAudience('dubanju')
          .setExpirationTime('5m')
          .sign(privateKey);
      gateway = await gatewayWith(sys, {
        AUTH_JWKS_URL: `${issuer}/jwks.json`,
        AUTH_ISSUER: 'https://id.district.example',
        AUTH_ROLE_CLAIM: 'supervision.role',
      });
    });
    afterAll(async () => {
      await gateway.close();
      await close(jwks);
    });

    it('accepts the provider’s token, its role read from the configured claim', async () => {
      const token = await sign({ sub: 'wang', supervision: { role: 'leader' } });
      expect((await gateway.post({ query: '{ me { id role } }' }, token)).data).toEqual({
        me: { id: 'wang', role: 'LEADER' },
      });
    });

    it('refuses the embedded HS256 tokens once a provider is configured', async () => {
      const answer = await storesNothing(() =>
        gateway.post(
          { query: 'mutation { registerUnit(input: {id: "y", name: "y"}) { id } }' },
          office,
        ),
      );
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
