import type { Page, Request } from 'playwright-core';
import { demoConsole, sessionOf } from './browser.ts';

// The console against a gateway that runs persisted operations only
// (GRAPHQL_PERSISTED_ONLY=true, no operations file): every screen and action
// must work on the documents the build persisted, and no request carries a query.

const demo = demoConsole({ GRAPHQL_PERSISTED_ONLY: 'true' }, 120_000);
const graphqlBodies: string[] = [];

const session = (sub: string): Promise<Page> =>
  sessionOf(demo, sub, (opened) =>
    opened.context.on('request', (request: Request) => {
      if (request.url().endsWith('/graphql')) graphqlBodies.push(request.postData() ?? '');
    }),
  );

describe('the console on a persisted-only gateway', () => {
  it('refuses a query sent as text', async () => {
    const answer = await demo.system.gql('{ me { id } }', {}, await demo.system.token('office'));
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      rule: 'only persisted operations are accepted',
    });
  });

  it('shows a leader the overview and every board', async () => {
    const page = await session('deputy-wang');
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('overview');
    for (const board of ['responsibility', 'stage', 'blockage', 'progress', 'results']) {
      await page.goto(`${demo.system.url}/#/boards/${board}`);
      await page.waitForSelector(`[data-ready="${board}"] :is(table tbody tr, .empty)`);
      expect(await page.$$('main > p.form-status.error')).toHaveLength(0);
    }
  });

  it('lets a department head open a task and report progress', async () => {
    const page = await session('head-health');
    await page.click('table a[href^="#/tasks/"]');
    await page.waitForSelector('[data-ready="task"]');
    await page.click('details:has(form[data-form="reportProgress"]) > summary');
    const form = 'form[data-form="reportProgress"]';
    await page.fill(`${form} input[name="percent"]`, '100');
    await page.fill(`${form} textarea[name="note"]`, '按持久化操作报送。');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('[data-testid="announcement"]');
    expect(await page.textContent('[data-testid="announcement"]')).toContain('已提交');
  });

  it('lets an inspector verify an event in the browser', async () => {
    const page = await session('inspector-li');
    await page.goto(`${demo.system.url}/#/audit?types=TaskRegistered`);
    await page.waitForSelector('[data-ready="audit"]');
    await page.click('button[data-verify]');
    await page.waitForSelector('[data-verdict]');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('verified');
  });

  it('named every operation by its hash and sent no query text', () => {
    expect(graphqlBodies.length).toBeGreaterThan(10);
    for (const body of graphqlBodies) {
      const request = JSON.parse(body) as { query?: string; extensions?: unknown };
      expect(request.query).toBeUndefined();
      expect(request.extensions).toMatchObject({ persistedQuery: { version: 1 } });
    }
    expect(demo.sessions.flatMap((opened) => opened.errors)).toEqual([]);
  });
});
