import type { RenderGraphiQL } from '../../gateway/hardening/graphiql-page.ts';
import { loadGraphiql } from '../../gateway/hardening/load-graphiql.ts';

// As a production install (npm ci --omit=dev) leaves it: not there.
jest.mock('@graphql-yoga/render-graphiql', () => {
  throw Object.assign(new Error("Cannot find module '@graphql-yoga/render-graphiql'"), {
    code: 'MODULE_NOT_FOUND',
  });
});

const installed = async () =>
  jest.requireActual<{ renderGraphiQL: RenderGraphiQL }>('@graphql-yoga/render-graphiql');

const recorder = () => {
  const lines: string[] = [];
  return { lines, warn: (line: string) => lines.push(line) };
};

const title = '督查督办 GraphQL';

describe('GraphiQL off, as in production', () => {
  it('never loads its renderer', async () => {
    const load = jest.fn(installed);
    const logger = recorder();
    expect(await loadGraphiql({ enabled: false, title, logger, load })).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(logger.lines).toEqual([]);
  });

  it("leaves the gateway's modules loadable without the renderer installed", async () => {
    await expect(import('../../gateway/server.ts')).resolves.toHaveProperty('createGatewayServer');
  });
});

describe('GraphiQL on, without its renderer installed', () => {
  it('is off, and start-up says why and what to do', async () => {
    const logger = recorder();
    expect(await loadGraphiql({ enabled: true, title, logger })).toBeNull();
    expect(logger.lines).toEqual([
      'GraphiQL is off: @graphql-yoga/render-graphiql is not installed (a development dependency: a production install, npm ci --omit=dev, leaves it out); install it, or set GRAPHIQL=false to say so',
    ]);
  });

  it('is off when the renderer fails to load, naming the failure', async () => {
    const logger = recorder();
    const load = () => Promise.reject(new Error('unexpected token'));
    expect(await loadGraphiql({ enabled: true, title, logger, load })).toBeNull();
    expect(logger.lines[0]).toContain('could not be loaded (unexpected token)');
  });
});

describe('GraphiQL on, with its renderer', () => {
  it('renders the page when first asked for, once, with a policy naming its inline scripts', async () => {
    const render = jest.fn(() => '<title>t</title><script>one()</script><script>two()</script>');
    const page = await loadGraphiql({
      enabled: true,
      title,
      logger: recorder(),
      load: async () => ({ renderGraphiQL: render }),
    });
    expect(render).not.toHaveBeenCalled();
    expect(page?.()).toBe(page?.());
    expect(render).toHaveBeenCalledTimes(1);
    expect(render).toHaveBeenCalledWith({ title });
    expect(page?.().policy).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
  });

  it('serves the installed renderer’s page', async () => {
    const page = await loadGraphiql({ enabled: true, title, logger: recorder(), load: installed });
    expect(page?.().html).toContain(title);
    expect(page?.().policy).toContain("connect-src 'self'");
  });
});
