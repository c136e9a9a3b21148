import { SignJWT } from 'jose';
import { signToken } from '../../infra/auth/tokens.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

interface Answer {
  status: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: unknown;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `{ __type { fields { type { fields { type … } } } } }`: the introspection types form a cycle. */
const nested = (depth: number): string => {
  let selection = 'name';
  for (let level = 2; level < depth; level += 2) selection = `fields { type { ${selection} } }`;
  return `{ __type(name: "Task") { ${selection} } }`;
};

const registerUnits = (count: number) =>
  `mutation { ${Array.from(
    { length: count },
    (_, i) => `u${i}: registerUnit(input: { id: "hostile-${i}", name: "Unit ${i}" }) { id }`,
  ).join(' ')} }`;

describe('a gateway facing hostile clients (default limits)', () => {
  let sys: TestSystem;
  let office: string;

  const post = async (body: BodyInit, token: string | null = office, init: RequestInit = {}) => {
    const response = await fetch(`${sys.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
      ...init,
    });
    const json = (await response.json()) as Omit<Answer, 'status'>;
    return { ...json, status: response.status };
  };
  const query = (text: string, token?: string | null): Promise<Answer> =>
    post(JSON.stringify({ query: text }), token);

  /** Runs a hostile request and checks that nothing was stored because of it. */
  const refused = async (request: () => Promise<Answer>): Promise<Answer> => {
    const before = await sys.lastPosition();
    const answer = await request();
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(await sys.lastPosition()).toBe(before);
    return answer;
  };
  const refusals = (answer: Answer) =>
    (answer.errors ?? []).map((error) => [error.extensions?.rule, error.extensions?.code]);

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    expect(
      (await query('mutation { registerUnit(input: {id: "edu", name: "教育局"}) { id } }')).errors,
    ).toBeUndefined();
  });
  afterAll(() => sys.stop());

  it('lets an ordinary query through', async () => {
    const answer = await query('{ me { id role } units { id name } }');
    expect(answer).toMatchObject({ status: 200, data: { me: { id: 'office', role: 'OFFICE' } } });
  });

  it('refuses a query nested 50 deep as VALIDATION, naming the depth limit', async () => {
    const answer = await refused(() => query(nested(50)));
    // Besides the gateway's limits, graphql-js's own rule on introspection's
    // depth finds the document wrong: that is GRAPHQL_VALIDATION.
    expect(refusals(answer)).toEqual(
      expect.arrayContaining([
        ['depth at most 12', 'VALIDATION'],
        ['must not nest introspection this deep', 'GRAPHQL_VALIDATION'],
      ]),
    );
  });

  it('refuses 1,000 aliases while parsing, before any resolver runs', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ');
    const answer = await refused(() => query(`{ ${aliases} }`));
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      rule: 'at most 5000 tokens',
    });
  });

  it('refuses 31 aliased mutations as VALIDATION, storing none of them', async () => {
    const answer = await refused(() => query(registerUnits(31)));
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      field: 'query',
      rule: 'at most 30 aliases',
    });
  });

  it('refuses a 5 MB body as 413 PAYLOAD_TOO_LARGE from its Content-Length', async () => {
    const body = JSON.stringify({
      query: '{ me { id } }',
      variables: { x: 'x'.repeat(5_000_000) },
    });
    const answer = await refused(() => post(body));
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      rule: 'at most 1048576 bytes',
    });
  });

  it('refuses a 5 MB body streamed without a length while it streams in', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ query: registerUnits(1), variables: { x: 'x'.repeat(5_000_000) } }),
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65_536)
          controller.enqueue(bytes.subarray(i, i + 65_536));
        controller.close();
      },
    });
    const answer = await refused(() => post(body, office, { duplex: 'half' } as RequestInit));
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses 100 batched operations as a whole, running none', async () => {
    const batch = Array.from({ length: 100 }, (_, i) => ({
      query: registerUnits(1).replace('hostile-0', `batch-${i}`),
    }));
    const answer = await refused(() => post(JSON.stringify(batch)));
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      rule: 'at most 10 operations per batched request',
    });
  });

  it('still runs a small batch', async () => {
    const response = await fetch(`${sys.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ units { id } }' }]),
    });
    expect(await response.json()).toEqual([
      { data: { me: { id: 'office' } } },
      { data: { units: [{ id: 'edu' }] } },
    ]);
  });

  describe('a token that must not pass', () => {
    const unauthenticated = async (token: string, reason: string) => {
      const answer = await refused(() => query(registerUnits(1), token));
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message).toContain(reason);
    };

    it('is refused when it has expired beyond the clock skew', async () => {
      const token = await signToken(
        sys.system.secret,
        { sub: 'office', role: 'office' },
        nowSeconds() - 120,
      );
      await unauthenticated(token, 'expired');
    });

    it('is refused when signed with another key', async () => {
      const other = 'an-attackers-secret-of-sufficient-length-0123456789';
      await unauthenticated(await signToken(other, { sub: 'office', role: 'office' }), 'signature');
    });

    it('is refused when it claims alg none', async () => {
      const claims = {
        sub: 'office',
        role: 'office',
        iss: 'dubanju',
        aud: 'dubanju',
        exp: nowSeconds() + 600,
      };
      await unauthenticated(
        `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
        'algorithm',
      );
    });

    it('is refused when it names a unit the directory does not hold', async () => {
      const token = await sys.token('department_head', 'ghost-bureau');
      await unauthenticated(token, 'unit ghost-bureau of the token is not in the directory');
    });

    it('passes when its unit is in the directory', async () => {
      const answer = await query('{ me { unitId } }', await sys.token('department_head', 'edu'));
      expect(answer.data).toEqual({ me: { unitId: 'edu' } });
    });

    it('is refused when it has no expiry', async () => {
      const token = await new SignJWT({ role: 'office' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('office')
        .setIssuer('dubanju')
        .setAudience('dubanju')
        .sign(new TextEncoder().encode(sys.system.secret));
      await unauthenticated(token, 'exp');
    });
  });
});
