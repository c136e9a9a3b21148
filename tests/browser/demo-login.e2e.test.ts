import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

// Demo sign-in hands anyone any role: production must never offer it.

describe('a gateway in production asked for demo sign-in', () => {
  let system: TestSystem;
  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    process.env.DEMO_LOGIN = 'true';
    system = await startTestSystem({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await system.stop();
    process.env.NODE_ENV = 'test';
    delete process.env.DEMO_LOGIN;
  });

  it('says it is off and lists nobody', async () => {
    const { data } = await system.gql<{ demoLoginEnabled: boolean; demoUsers: unknown[] }>(
      '{ demoLoginEnabled demoUsers { sub } }',
    );
    expect(data).toEqual({ demoLoginEnabled: false, demoUsers: [] });
  });

  it('refuses to sign anyone in as FORBIDDEN', async () => {
    const { data, errors } = await system.gql(
      'mutation { demoSignIn(input: { sub: "office-zhang" }) { token } }',
    );
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('still serves the console, whose sign-in then takes a token only', async () => {
    const response = await fetch(`${system.url}/`);
    expect([200, 503]).toContain(response.status);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });
});

describe('a gateway outside production with DEMO_LOGIN=true', () => {
  let system: TestSystem;
  beforeAll(async () => {
    process.env.DEMO_LOGIN = 'true';
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system.stop();
    delete process.env.DEMO_LOGIN;
  });

  it('signs a demo user in with a token the API accepts', async () => {
    await system.gql(
      'mutation { registerUnit(input: { id: "edu", name: "教育局" }) { id } }',
      {},
      await system.token('office'),
    );
    await system.settled();
    const { data } = await system.gql<{ demoSignIn: { token: string } }>(
      'mutation { demoSignIn(input: { sub: "head-edu" }) { token } }',
    );
    const me = await system.gql<{ me: { id: string; role: string; unitId: string } }>(
      '{ me { id role unitId } }',
      {},
      data!.demoSignIn.token,
    );
    expect(me.data?.me).toEqual({ id: 'head-edu', role: 'DEPARTMENT_HEAD', unitId: 'edu' });
  });

  it('names the field when the user is not one of the demo users', async () => {
    const { errors } = await system.gql(
      'mutation { demoSignIn(input: { sub: "nobody" }) { token } }',
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.sub' });
  });
});
