import type { Page } from 'playwright-core';
import { demoConsole, type Session, signedInSession } from './browser.ts';

// The inspector's search (纪检监察) on the demo year: people, units and event
// types chosen by name, tasks shown by title, a recorded-date filter.

const demo = demoConsole();
let session: Session;
let page: Page;

beforeAll(async () => {
  session = await signedInSession(demo, 'inspector-li');
  page = session.page;
});

/**
 * Does `act` (a move to another address) and waits for the audit page it
 * leads to: the page shown before, still ready, is waited out until replaced.
 */
const auditAfter = async (act: () => Promise<unknown>) => {
  const before = page.url();
  const shown = await page.$('section.audit');
  await act();
  if (shown && page.url() !== before) {
    await page.waitForFunction((section) => !section.isConnected, shown);
  }
  await page.waitForSelector('[data-ready="audit"]');
};

/** The audit page, unfiltered. */
const openAudit = () => auditAfter(() => page.goto(`${demo.system.url}/#/audit`));

const search = async (choose: () => Promise<void>) => {
  await openAudit();
  await choose();
  await auditAfter(async () => {
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/#\/audit\?/);
  });
};

/** The text of one column of the result table, row by row. */
const column = (index: number) =>
  page.$$eval(`section.audit > .table-wrap tbody tr td:nth-child(${index})`, (cells) =>
    cells.map((cell) => cell.textContent ?? ''),
  );

describe("the inspector's search", () => {
  it('takes the person by name and shows who acted by name', async () => {
    await search(() => page.selectOption('select[name="actorId"]', { label: '王副主任' }).then());
    expect(new URL(page.url()).hash).toContain('actorId=deputy-wang');
    const actors = await column(5);
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set(['王副主任']));
  });

  it('takes the event type by its Chinese name, names it so, and shows tasks by title', async () => {
    await search(() => page.selectOption('select[name="types"]', { label: '签收' }).then());
    const types = await column(3);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['签收']));
    const streams = await page.$$eval(
      'section.audit > .table-wrap tbody tr td:nth-child(4) a[href^="#/tasks/"]',
      (links) => links.map((link) => link.textContent ?? ''),
    );
    expect(streams.length).toBe(types.length);
    for (const title of streams) expect(title).not.toMatch(/^task-/);
  });

  it('keeps to the days recorded, in China Standard Time', async () => {
    await openAudit();
    const day = (await column(2))[0]!.slice(0, 10);
    await search(async () => {
      await page.fill('input[name="recordedFrom"]', day);
      await page.fill('input[name="recordedTo"]', day);
    });
    const times = await column(2);
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time.startsWith(day)).toBe(true);
    const total = Number(
      (await page.textContent('section.audit > p:not(.help)'))?.match(/\d+/)?.[0],
    );
    expect(total).toBeGreaterThan(0);
  });

  it('offers no download when nothing matched', async () => {
    await search(async () => {
      await page.fill('input[name="recordedFrom"]', '2020-01-01');
      await page.fill('input[name="recordedTo"]', '2020-01-02');
    });
    expect(await page.$$('[data-testid="download-bundle"]')).toHaveLength(0);
    expect(session.errors).toEqual([]);
  });
});
