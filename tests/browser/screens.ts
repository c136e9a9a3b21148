import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

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

/** The sizes a flow is run at: a desktop's, then a phone's. */
export const flowSizes = [
  { name: 'desktop 1440×900', size: desktop },
  { name: 'phone 390×844', size: phone },
] as const;

/**
 * What a screen is held to at any size: no scrolling sideways (the page no
 * wider than the window), and nothing for axe-core to find. Each finding is
 * named by `where`.
 */
export const screenFaults = async (page: Page, where: string): Promise<string[]> => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const sideways =
    scrollWidth > innerWidth ? [`${where}: scrolls sideways (${scrollWidth} > ${innerWidth})`] : [];
  const violations = (await axeViolations(page)).map(
    (violation) => `${where}: ${violation.rule} ×${violation.nodes} (${violation.first})`,
  );
  return [...sideways, ...violations];
};

/**
 * The checks of a flow's screens: each screen, by its name, checked once
 * (`screenFaults`) the first time the flow shows it; `faults` holds what was found.
 */
export const screenChecks = () => {
  const checked = new Set<string>();
  const faults: string[] = [];
  const check = async (page: Page, where: string): Promise<void> => {
    if (checked.has(where)) return;
    checked.add(where);
    faults.push(...(await screenFaults(page, where)));
  };
  return { faults, check };
};
