import { connect, type Socket } from 'node:net';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * The gateway's HTTP edges as a hostile page or client meets them: other
 * origins, slow requests, too many connections, and the headers every response
 * carries.
 */

const query = JSON.stringify({ query: '{ __typename }' });

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

const crossOriginPost = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: query,
  });

/** A raw connection to the system's port. */
const socketTo = (url: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const { port, hostname } = new URL(url);
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });

/** What arrives on `socket` until it closes, and when it closed (ms after now). */
const untilClosed = (socket: Socket): Promise<{ text: string; afterMs: number }> =>
  new Promise((resolve) => {
    const started = Date.now();
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.once('close', () => resolve({ text, afterMs: Date.now() - started }));
  });

describe('the gateway with no other origin allowed (the default)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '4' });
  });
  afterAll(() => sys.stop());

  it('answers another origin’s preflight without allowing it, and no credentials ever', async () => {
    const answer = await preflight(sys.url, 'https://evil.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await crossOriginPost(sys.url, 'https://evil.example');
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says nosniff on GraphQL, probes and the console alike', async () => {
    for (const path of ['/graphql?query=%7B__typename%7D', '/healthz', '/readyz', '/']) {
      const answer = await fetch(`${sys.url}${path}`);
      expect([path, answer.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
    }
  });

  it('sends no HSTS outside production', async () => {
    expect((await fetch(`${sys.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('serves GraphiQL under a policy naming its scripts by hash', async () => {
    const answer = await fetch(`${sys.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(answer.status).toBe(200);
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(policy).not.toContain('unsafe-eval');
    expect(await answer.text()).toContain('<div id="root"></div>');
  });

  it('cuts off a request trickled a byte at a time, with 408', async () => {
    const socket = await socketTo(sys.url);
    const closed = untilClosed(socket);
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
    );
    const trickle = setInterval(() => socket.writable && socket.write(' '), 300);
    const { text, afterMs } = await closed;
    clearInterval(trickle);
    expect(text).toContain('408');
    expect(afterMs).toBeLessThan(5000);
  });

  it('refuses connections past HTTP_MAX_CONNECTIONS', async () => {
    const held = await Promise.all([1, 2, 3, 4].map(() => socketTo(sys.url)));
    try {
      const extra = await socketTo(sys.url);
      const { text, afterMs } = await untilClosed(extra);
      expect(text).toBe('');
      expect(afterMs).toBeLessThan(1000);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

describe('the gateway with CORS_ORIGINS, in production behind TLS', () => {
  let sys: TestSystem;
  const allowed = 'https://duban.example.gov.cn';
  beforeAll(async () => {
    sys = await startTestSystem({
      NODE_ENV: 'production',
      TLS_TERMINATED: 'true',
      CORS_ORIGINS: allowed,
    });
  });
  afterAll(() => sys.stop());

  it('allows the listed origin, without credentials', async () => {
    const answer = await preflight(sys.url, allowed);
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await crossOriginPost(sys.url, allowed);
    expect(post.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('still refuses any other origin', async () => {
    const answer = await preflight(sys.url, 'https://evil.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('suggests no enum value, in the query or in a variable', async () => {
    const token = await sys.token('office');
    const inline = await sys.gql(
      '{ progressBoard(filter: { light: GREN }) { totalCount } }',
      {},
      token,
    );
    const variable = await sys.gql(
      'query($s: [TaskStatus!]) { tasks(filter: { statuses: $s }) { totalCount } }',
      { s: ['IN_PROGRES'] },
      token,
    );
    // Written in the document, the value is the client's mistake; in a variable, the user's.
    for (const [answer, code] of [
      [inline, 'GRAPHQL_VALIDATION'],
      [variable, 'VALIDATION'],
    ] as const) {
      const [error] = answer.errors ?? [];
      expect(error?.message).toContain('[Suggestion hidden]');
      expect(error?.message).not.toMatch(/Did you mean|GREEN|IN_PROGRESS/);
      expect(error?.extensions).toMatchObject({ code });
    }
  });

  it('tells browsers to keep to HTTPS', async () => {
    for (const path of ['/healthz', '/graphql']) {
      const answer = await fetch(`${sys.url}${path}`, { method: 'POST', body: query });
      expect(answer.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
    }
  });
});
