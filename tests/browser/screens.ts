import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openSession, type Session, signInAs } from './browser.ts';

/** The demo people whose screens the phone and accessibility tests walk, one per role. */
export const roles = [
  { sub: 'deputy-wang', role: 'leader' },
  { sub: 'head-health', role: 'department head' },
  { sub: 'office-zhang', role: 'office' },
  { sub: 'inspector-li', role: 'inspector' },
] as const;

/** The sizes the console is held to: a desktop, a common phone, and the narrowest phone in use. */
export const desktop = { width: 1440, height: 900 };
export const phone = { width: 390, height: 844 };
export const narrowPhone = { width: 360, height: 780 };

/** A screen by its address, named as its first path segment (`boards/stage` → `stage`). */
export const screenName = (hash: string): string => {
  const [first = '', second = ''] = hash.replace(/^#\//, '').split(/[/?]/);
  if (first === 'boards') return second;
  return first === 'tasks' ? 'task' : first;
};

/**
 * Shows the screen at `hash` and resolves once it stands complete (the view's
 * `view:<name>` performance mark, set by the console when a view is drawn), or
 * throws with the error the page shows instead.
 */
export const show = async (page: Page, hash: string): Promise<void> => {
  const view = hash.replace(/^#\//, '').split(/[/?]/)[0] ?? '';
  const drawn = () =>
    page.evaluate((name) => performance.getEntriesByName(`view:${name}`).length, view);
  const before = await drawn();
  if ((await page.evaluate(() => location.hash)) === hash && before > 0) return;
  await page.evaluate((address) => {
    location.hash = address;
  }, hash);
  await page.waitForFunction(
    ([name, count]) =>
      performance.getEntriesByName(`view:${name}`).length > Number(count) ||
      document.querySelector('main > [role="alert"]') !== null,
    [view, before] as const,
  );
  const failure = await page.$('main > [role="alert"]');
  if (failure) throw new Error(`${hash} failed: ${await failure.textContent()}`);
};

/**
 * The screens the signed-in user reaches: every page the navigation offers, then
 * the page of the first task any of them links to.
 */
export const screensOf = async (page: Page): Promise<string[]> => {
  const pages = await page.$$eval('header nav a', (links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  for (const hash of pages) {
    await show(page, hash);
    const task = await page.getAttribute('main a[href^="#/tasks/"]', 'href').catch(() => null);
    if (task) return [...pages, task];
  }
  return pages;
};

/** Signs a demo person in at the given size; the page's errors are collected in `session.errors`. */
export const signedIn = async (
  browser: Browser,
  url: string,
  sub: string,
  size: { width: number; height: number },
): Promise<Session> => {
  const session = await openSession(browser);
  await session.page.setViewportSize(size);
  await signInAs(session, url, sub);
  return session;
};

/**
 * The lights chart is drawn only once it comes near the screen: brought into
 * view and drawn, so that a screenshot or a check sees it.
 */
export const drawChart = async (page: Page): Promise<void> => {
  const chart = await page.$('[data-testid="light-chart"]');
  if (!chart) return;
  await chart.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid="light-chart"] svg');
  await page.evaluate(() => window.scrollTo(0, 0));
};

const axeSource = readFileSync(path.resolve('node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** One rule's violation on a screen: the rule, how many elements break it, and the first of them. */
export interface AxeViolation {
  rule: string;
  nodes: number;
  first: string;
}

/**
 * axe-core's verdict on the page as it stands, every rule it runs by default.
 * The console's Content-Security-Policy refuses inline scripts, which a script
 * tag added to the page would be, so axe is evaluated in the page instead.
 */
export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.length,
      first: `${violation.nodes[0]?.target.join(' ')}: ${violation.nodes[0]?.failureSummary ?? ''}`,
    }));
  });
};
