import { type AuditResult, serverAudits } from 'graphql-http';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * The GraphQL-over-HTTP conformance audits of graphql-http, run against the
 * gateway as deployed: tokens required, shape and rate limits, error masking
 * and compression on. Every MUST holds; the SHOULDs and MAYs that do not are
 * listed by name, so a change in either shows.
 */
describe('the gateway against the GraphQL-over-HTTP audits', () => {
  let sys: TestSystem;
  let results: AuditResult[];
  beforeAll(async () => {
    sys = await startTestSystem();
    const token = await sys.token('office');
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    results = await Promise.all(
      serverAudits({ url: `${sys.url}/graphql`, fetchFn }).map((audit) => audit.fn()),
    );
  }, 60_000);
  afterAll(() => sys.stop());

  const failed = (level: string) =>
    results.filter((result) => result.status !== 'ok' && result.name.startsWith(level));

  it('passes every MUST', () => {
    expect(failed('MUST').map((result) => `${result.name}: ${result.status}`)).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('passes the SHOULDs and MAYs but the ones listed', () => {
    expect([...failed('SHOULD'), ...failed('MAY')].map((result) => result.name).sort()).toEqual([]);
  });
});
