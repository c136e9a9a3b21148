import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * GraphQL answers gzipped for clients that take gzip, and only those; small
 * answers go as they are.
 */

/** One POST to /graphql with raw headers, the answer's headers and bytes as they came. */
const post = (url: string, token: string, query: string, headers: Record<string, string>) =>
  new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const target = new URL('/graphql', url);
    const sent = request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(JSON.stringify({ query }));
  });

describe('GraphQL answers on the wire', () => {
  let sys: TestSystem;
  let office: string;
  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    for (let i = 0; i < 60; i++) {
      await sys.gql(
        'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }',
        { input: { id: `unit-${i}`, name: `第${i}责任单位` } },
        office,
      );
    }
    await sys.settled();
  });
  afterAll(() => sys.stop());

  const units = '{ units { id name } }';

  it('are gzipped for a client that takes gzip, and read back the same', async () => {
    const plain = await post(sys.url, office, units, {});
    const zipped = await post(sys.url, office, units, { 'accept-encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(String(zipped.headers.vary)).toMatch(/accept-encoding/i);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    // Compressed whole: its length is said, not sent in chunks.
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length * 3).toBeLessThan(plain.body.length);
  });

  it('go as they are to a client that refuses gzip, and when small', async () => {
    const refused = await post(sys.url, office, units, { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const small = await post(sys.url, office, '{ __typename }', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });
});
