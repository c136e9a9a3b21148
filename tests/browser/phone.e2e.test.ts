import type { Page } from 'playwright-core';
import { demoConsole, type Session, type Size, screenshot, signedInSession } from './browser.ts';
import {
  desktop,
  drawChart,
  narrowPhone,
  phone,
  roles,
  screenName,
  screensOf,
  show,
} from './screens.ts';

// The console on a phone (政务钉钉 opens it at 360–430 px) against the demo year:
// every screen of every role fits the screen's width, under a header that leaves
// the screen to the page.

/** The most of a phone's height the header may take: two short lines. */
const headerBound = 100;

const demo = demoConsole();

const session = (sub: string, size: Size): Promise<Session> => signedInSession(demo, sub, { size });

/** How a screen lies on the page: its width against the window's, and its header's height. */
const layoutOf = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    header: Math.round(document.querySelector('header')?.getBoundingClientRect().height ?? 0),
  }));

/**
 * The dates and times on the screen that a line break cuts in two: each date
 * in a text is measured as a range, whose boxes must all stand on one line.
 */
const brokenDates = (page: Page) =>
  page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (text.parentElement?.closest('option, textarea, .visually-hidden, script, style'))
        continue;
      for (const match of text.data.matchAll(/\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = [...range.getClientRects()].map((rect) => rect.top);
        if (Math.max(...tops) - Math.min(...tops) > 4) broken.push(match[0]);
      }
    }
    return broken;
  });

/** The header's words that wrap onto a second line (a "退出" standing as 退 over 出). */
const wrappedHeaderWords = (page: Page) =>
  page.$$eval('header :is(a, button, .brand)', (elements) =>
    elements
      .filter((element) => {
        const tops: number[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('.visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          tops.push(...[...range.getClientRects()].map((rect) => rect.top));
        }
        return tops.length > 0 && Math.max(...tops) - Math.min(...tops) > 4;
      })
      .map((element) => element.textContent ?? ''),
  );

/** Switches the console to English with its own button, and waits for the page drawn again. */
const inEnglish = async (page: Page) => {
  await page.click('button.lang');
  await page.waitForSelector('html[lang="en"] main [data-ready]');
};

describe.each([
  ['390×844', phone, 'zh'],
  ['360 px wide', narrowPhone, 'zh'],
  ['360 px wide, in English (longer words)', narrowPhone, 'en'],
])('on a phone %s', (_name, size, language) => {
  describe.each(roles)('$role ($sub)', ({ sub }) => {
    it('reaches every screen without scrolling sideways, under a small header, dates whole', async () => {
      const { page, context, errors } = await session(sub, size);
      if (language === 'en') await inEnglish(page);
      const screens = await screensOf(page);
      expect(screens.length).toBeGreaterThan(5);
      const found: string[] = [];
      for (const hash of screens) {
        await show(page, hash);
        const layout = await layoutOf(page);
        if (layout.scrollWidth > layout.innerWidth)
          found.push(`${hash}: ${layout.scrollWidth} px wide on ${layout.innerWidth}`);
        if (layout.header > headerBound) found.push(`${hash}: header ${layout.header} px high`);
        for (const date of await brokenDates(page)) found.push(`${hash}: ${date} broken`);
        for (const word of await wrappedHeaderWords(page))
          found.push(`${hash}: "${word}" wraps in the header`);
      }
      await context.close();
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    }, 120_000);
  });
});

describe('the console on a phone', () => {
  let opened: Session;
  let page: Page;
  beforeAll(async () => {
    opened = await session('deputy-wang', phone);
    page = opened.page;
  });
  afterAll(() => opened?.context.close());

  it('shows a table of several text columns as one card per row, each value labelled with its header', async () => {
    await show(page, '#/boards/progress');
    const headers = await page.$$eval('main table thead th', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    const cards = await page.$$eval('main table tbody tr', (rows) =>
      rows.map((row) => ({
        display: getComputedStyle(row).display,
        width: row.getBoundingClientRect().width,
        labels: [...row.querySelectorAll('td')].map((cell) => ({
          attribute: cell.getAttribute('data-label'),
          shown: getComputedStyle(cell, '::before').content,
        })),
      })),
    );
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(card.display).toBe('block');
      expect(card.width).toBeLessThanOrEqual(phone.width);
      expect(card.labels.map((label) => label.attribute)).toEqual(headers);
      expect(card.labels.map((label) => label.shown)).toEqual(
        headers.map((header) => JSON.stringify(header)),
      );
    }
  });

  it('keeps a table of one text column and numbers (a ranking) a table', async () => {
    await show(page, '#/overview');
    const displays = await page.$$eval('main .table-wrap:not(.as-cards) tbody tr', (rows) =>
      rows.map((row) => getComputedStyle(row).display),
    );
    expect(displays.length).toBeGreaterThan(0);
    expect(new Set(displays)).toEqual(new Set(['table-row']));
  });

  it('keeps the header to two lines, the navigation scrolling sideways inside it', async () => {
    await show(page, '#/boards/results');
    const header = await page.$eval('header', (element) => {
      const nav = element.querySelector('nav')!;
      const current = nav.querySelector('[aria-current="page"]')!.getBoundingClientRect();
      return {
        height: element.getBoundingClientRect().height,
        navScrolls: nav.scrollWidth > nav.clientWidth,
        currentShown: current.left >= 0 && current.right <= window.innerWidth,
      };
    });
    expect(header.height).toBeLessThanOrEqual(headerBound);
    expect(header.navScrolls).toBe(true);
    expect(header.currentShown).toBe(true);
  });

  it('cuts who is signed in short in the header, and says it in full in its panel', async () => {
    const shown = await page.$eval('[data-testid="who"]', (element) => element.clientWidth);
    expect(shown).toBeGreaterThanOrEqual(60);
    await page.click('[data-testid="who"]');
    const panel = await page.$eval('.who-panel', (element) => ({
      identity: element.querySelector('.who-full')?.getBoundingClientRect().height ?? 0,
      text: element.textContent ?? '',
      right: element.getBoundingClientRect().right,
    }));
    await page.click('[data-testid="who"]');
    expect(panel.identity).toBeGreaterThan(0);
    expect(panel.text).toContain('王副主任');
    expect(panel.right).toBeLessThanOrEqual(phone.width);
  });
});

/** Every role's first screen, the boards, a task and the audit, at a phone's size and a desktop's. */
describe.each([
  ['phone', phone],
  ['desktop', desktop],
])('screenshots at the %s size', (prefix, size) => {
  it.each(roles)(
    'of what $sub sees',
    async ({ sub }) => {
      const { page, context } = await session(sub, size);
      const screens = await screensOf(page);
      const main =
        sub === 'deputy-wang'
          ? screens
          : screens.filter((hash) => /overview|my-tasks|audit|workbench|tasks\//.test(hash));
      for (const hash of main) {
        await show(page, hash);
        await drawChart(page);
        const layout = await layoutOf(page);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        await screenshot(page, `${prefix}-${screenName(hash)}-${sub}`);
      }
      await context.close();
    },
    120_000,
  );
});
