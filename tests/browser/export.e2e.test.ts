import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { demoConsole, type Session, screenshot, sessionOf, signedInSession } from './browser.ts';
import { desktop, flowSizes, screenChecks } from './screens.ts';

// Exports to Excel and printouts, in Debian's Chromium against the demo year: each
// board exported as the leader filtered and sorted it, read back and held to every
// page the screen shows; the print stylesheet; the supervision notice's slip.

const demo = demoConsole({}, 180_000);

const session = (sub: string): Promise<Page> => sessionOf(demo, sub);

/** What a table shows: its header (the actions column aside) and each row's cells' words. */
interface ScreenTable {
  headers: string[];
  numeric: boolean[];
  rows: string[][];
}

/**
 * The table captioned `caption`, read as a person reads it: each cell's words
 * without its forms, buttons and icons (the icons repeat a word beside them).
 */
const screenTable = (page: Page, caption: string): Promise<ScreenTable> =>
  page.evaluate((caption) => {
    const table = [...document.querySelectorAll('main table')].find(
      (candidate) => candidate.querySelector('caption')?.textContent === caption,
    );
    if (!table) return { headers: [], numeric: [], rows: [] };
    const heads = [...table.querySelectorAll('thead th')];
    const kept = heads.map((th) => th.textContent !== '操作');
    const words = (cell: Element) => {
      const copy = cell.cloneNode(true) as Element;
      for (const left of copy.querySelectorAll(
        'form, button, details, select, input, textarea, [aria-hidden="true"]',
      )) {
        left.remove();
      }
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    return {
      headers: heads.filter((_, i) => kept[i]).map((th) => th.textContent ?? ''),
      numeric: heads.filter((_, i) => kept[i]).map((th) => th.classList.contains('num')),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].filter((_, i) => kept[i]).map(words),
      ),
    };
  }, caption);

/** Waits for the page drawn after the address changed, not the one before it. */
const afterNavigation = async (page: Page, act: () => Promise<unknown>, ready: string) => {
  await page.evaluate(() =>
    document.querySelector('main [data-ready]')?.setAttribute('data-stale', ''),
  );
  await act();
  await page.waitForSelector(`main [data-ready="${ready}"]:not([data-stale])`);
};

/** Every row of the board over all its pages, following the screen's "下一页". */
const allScreenRows = async (page: Page, board: string, caption: string) => {
  const first = await screenTable(page, caption);
  const rows = [...first.rows];
  while ((await page.$('nav.pager a:has-text("下一页")')) !== null) {
    await afterNavigation(page, () => page.click('nav.pager a:has-text("下一页")'), board);
    rows.push(...(await screenTable(page, caption)).rows);
  }
  return { ...first, rows };
};

/** A sheet cell as the screen would show it: numbers in their format, nothing as "—". */
const shown = (cell: ExcelJS.Cell): string => {
  const value = cell.value;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    const format = cell.numFmt ?? '';
    const decimals = format.split('.')[1]?.replace('%', '').length ?? 0;
    return format.endsWith('%') ? `${(value * 100).toFixed(decimals)}%` : value.toFixed(decimals);
  }
  return String(value);
};

/** Words to compare: no spaces, and "none" (— or nothing) alike. */
const bare = (text: string) => text.replace(/\s+/g, '').replace(/^—$/, '');

/** The sheet's title rows, then (after a blank row) its header and rows. */
const readSheet = async (file: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const notes: string[] = [];
  let row = 1;
  for (; String(sheet.getRow(row).getCell(1).value ?? '') !== ''; row++) {
    notes.push(String(sheet.getRow(row).getCell(1).value));
  }
  const headerRow = row + 1;
  const width = sheet.getRow(headerRow).cellCount;
  const cells = (at: number) =>
    Array.from({ length: width }, (_, index) => sheet.getRow(at).getCell(index + 1));
  const rows: ExcelJS.Cell[][] = [];
  for (let at = headerRow + 1; at <= sheet.rowCount; at++) rows.push(cells(at));
  return {
    sheet,
    notes,
    headers: cells(headerRow).map((cell) => String(cell.value)),
    rows,
  };
};

const exportDir = path.resolve('test-output', 'export');

/** Clicks "导出 Excel" and keeps what the browser downloads in test-output/export. */
const exportFrom = async (page: Page): Promise<{ file: string; name: string }> => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button[data-action="export-xlsx"]'),
  ]);
  const name = download.suggestedFilename();
  const file = path.join(exportDir, name);
  mkdirSync(exportDir, { recursive: true });
  await download.saveAs(file);
  return { file, name };
};

/** Every typed cell matches the screen's words, and numbers and dates are typed as such. */
const expectSameRows = (screen: ScreenTable, rows: ExcelJS.Cell[][]) => {
  expect(rows.map((row) => row.map((cell) => bare(shown(cell))))).toEqual(
    screen.rows.map((row) => row.map(bare)),
  );
  screen.rows.forEach((row, r) => {
    row.forEach((text, c) => {
      const cell = rows[r]![c]!;
      if (screen.numeric[c] && /^-?\d/.test(text)) expect(typeof cell.value).toBe('number');
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) expect(cell.value).toBe(text);
    });
  });
};

interface BoardCase {
  path: string;
  title: string;
  /** Filter controls by name and the value to choose. */
  filters: Record<string, string>;
  sort: string;
  direction: 'ASC' | 'DESC';
  asOf?: string;
}

const boards: BoardCase[] = [
  {
    path: 'responsibility',
    title: '盯责任',
    filters: { unitId: 'health' },
    sort: 'SCORE',
    direction: 'DESC',
  },
  {
    path: 'stage',
    title: '盯环节',
    filters: { state: 'DONE_ON_TIME' },
    sort: 'DUE_DATE',
    direction: 'DESC',
  },
  {
    path: 'blockage',
    title: '盯堵点',
    filters: { level: 'MAIN_LEADER' },
    sort: 'AGE_DAYS',
    direction: 'DESC',
    asOf: '2021-09-30',
  },
  {
    path: 'progress',
    title: '盯进度',
    filters: { trend: 'UP' },
    sort: 'BEHIND',
    direction: 'DESC',
  },
  {
    path: 'results',
    title: '盯实效',
    filters: { light: 'RED' },
    sort: 'ATTAINMENT',
    direction: 'ASC',
  },
];

/** The page size the server is made to answer the export with, so it walks several pages. */
const smallPage = 7;

describe.each(flowSizes)('a leader exporting a board to Excel at the $name size', ({ size }) => {
  let leader: Session;
  let page: Page;
  /** How many export pages the server answered, by board. */
  const exportPages: number[] = [];
  const screens = screenChecks();

  beforeAll(async () => {
    leader = await signedInSession(demo, 'deputy-wang', { size });
    page = leader.page;
    // The export asks for 200 rows a page; asked for fewer, it must follow `after` to the end.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { variables?: { first?: number } } | null;
      if (body?.variables?.first !== 200) return route.continue();
      exportPages.push(1);
      body.variables.first = smallPage;
      return route.continue({ postData: JSON.stringify(body) });
    });
  });

  it('loads ExcelJS only when asked to export', async () => {
    await page.goto(`${demo.system.url}/#/boards/progress`);
    await page.waitForSelector('main [data-ready="progress"]');
    const excel = () => leader.requests.filter((url) => /\/assets\/exceljs[^/]*\.js$/.test(url));
    expect(excel()).toHaveLength(0);
    await exportFrom(page);
    expect(excel()).toHaveLength(1);
  });

  // At a phone's size, 盯进度 stands for the five boards.
  it.each(size === desktop ? boards : boards.filter((board) => board.path === 'progress'))(
    'saves every row of $title with the filter, order and day shown, in the screen’s columns',
    async (board) => {
      await page.goto(`${demo.system.url}/#/boards/${board.path}`);
      await page.waitForSelector(`main [data-ready="${board.path}"]`);
      const form = 'form.filters';
      for (const [name, value] of Object.entries(board.filters)) {
        await page.selectOption(`${form} [name="${name}"]`, value);
      }
      if (board.asOf) await page.fill(`${form} input[name="asOf"]`, board.asOf);
      await page.selectOption(`${form} select[name="sort"]`, board.sort);
      await page.selectOption(`${form} select[name="direction"]`, board.direction);
      const chosen = await page.$$eval(`${form} select`, (selects) =>
        (selects as HTMLSelectElement[])
          .filter((select) => select.value !== '')
          .map((select) => ({
            name: select.name,
            label: select.labels?.[0]?.textContent ?? '',
            option: select.selectedOptions[0]?.textContent ?? '',
          })),
      );
      await afterNavigation(page, () => page.click(`${form} button[type="submit"]`), board.path);
      const day = await page.getAttribute(`main [data-ready="${board.path}"]`, 'data-day');
      expect(day).toBe(board.asOf ?? '2021-12-31');
      await screens.check(page, board.path);
      const total = Number(/共 (\d+) 条/.exec((await page.textContent('.board-day')) ?? '')?.[1]);
      expect(total).toBeGreaterThan(0);

      const before = exportPages.length;
      const { file, name } = await exportFrom(page);
      await page.waitForSelector('.export-status:has-text("已导出")');
      expect(name).toBe(`${board.title}-${day}.xlsx`);
      expect(exportPages.length - before).toBe(Math.ceil(total / smallPage));

      const firstPage = await screenTable(page, board.title);
      const sheet = await readSheet(file);
      // The title row names the board; then the day, the filters and the order; then who and when.
      expect(sheet.notes[0]).toBe(board.title);
      expect(sheet.notes[1]).toContain(`截至 ${day}`);
      for (const select of chosen.filter((c) => c.name !== 'sort' && c.name !== 'direction')) {
        expect(sheet.notes[1]).toContain(`${select.label} = ${select.option}`);
      }
      const sort = chosen.find((c) => c.name === 'sort')!.option;
      const direction = board.direction === 'DESC' ? '降序' : '升序';
      expect(sheet.notes[1]).toContain(`排序：${sort} ${direction}`);
      expect(sheet.notes[2]).toMatch(
        new RegExp(
          `^导出人：王副主任.*（deputy-wang）　导出时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（北京时间）　共 ${total} 行$`,
        ),
      );
      expect(sheet.headers).toEqual(firstPage.headers);

      // Every page of the board, as the screen walks them, is the sheet: same rows, same order.
      expect(sheet.rows).toHaveLength(total);
      const screen = await allScreenRows(page, board.path, board.title);
      expect(screen.rows).toHaveLength(total);
      expectSameRows(screen, sheet.rows);
      await screenshot(page, `export-${board.path}${size === desktop ? '' : '-phone'}`);
    },
  );

  it('shows every board within the window’s width, with nothing for axe to find', () => {
    expect(screens.faults).toEqual([]);
  });
});

describe('a department head exporting the unit’s task list', () => {
  it('saves the list as shown, most urgent first, with the unit and the day', async () => {
    const page = await session('head-health');
    await page.waitForSelector('main [data-ready="my-tasks"]');
    const caption = await page.textContent('main h1');
    const screen = await screenTable(page, caption!);
    const { file, name } = await exportFrom(page);
    const sheet = await readSheet(file);
    expect(name).toBe('本单位任务-卫生健康委员会-2021-12-31.xlsx');
    expect(sheet.notes[0]).toBe(caption);
    expect(sheet.notes[1]).toBe('单位：卫生健康委员会　截至 2021-12-31');
    expect(sheet.notes[2]).toContain('导出人：');
    expect(sheet.headers).toEqual(screen.headers);
    expectSameRows(screen, sheet.rows);
  });
});

/** The words `print.css` shows atop a printout and in its footer, once printing has begun. */
const printStamp = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector('main')!, '::before').content);

/** How many pages a PDF has: its page objects. */
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

const outputDir = path.resolve('test-output', 'print');

describe('printing', () => {
  let page: Page;
  beforeAll(async () => {
    page = await session('deputy-wang');
    mkdirSync(outputDir, { recursive: true });
  });
  afterEach(async () => {
    await page.emulateMedia({ media: null });
  });

  it('prints a board without navigation, forms or buttons, headers repeated, rows whole, stamped', async () => {
    await page.goto(`${demo.system.url}/#/boards/stage`);
    await page.waitForSelector('main [data-ready="stage"]');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['header.top', 'nav', 'form.filters', 'nav.pager', '.board-tools']) {
      expect(await page.isVisible(selector)).toBe(false);
    }
    expect(
      await page.$$eval('button', (all) => all.filter((b) => b.checkVisibility()).length),
    ).toBe(0);
    expect(await page.isVisible('main table')).toBe(true);
    const layout = await page.$eval('main table', (table) => ({
      thead: getComputedStyle(table.querySelector('thead')!).display,
      row: getComputedStyle(table.querySelector('tbody tr')!).breakInside,
    }));
    expect(layout).toEqual({ thead: 'table-header-group', row: 'avoid' });
    await page.waitForFunction(() =>
      getComputedStyle(document.documentElement)
        .getPropertyValue('--print-stamp')
        .includes('打印人'),
    );
    expect(await printStamp(page)).toMatch(
      /^"截至 2021-12-31　打印人：王副主任.*（deputy-wang）　打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）"$/,
    );
    await screenshot(page, 'print-stage-board');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(path.join(outputDir, 'stage-board.pdf'), pdf);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
  });

  it('prints the overview on at most two A4 pages', async () => {
    await page.goto(`${demo.system.url}/#/overview`);
    await page.waitForSelector('main [data-ready="overview"]');
    await page.waitForSelector('[data-testid="light-chart"] svg');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(path.join(outputDir, 'overview.pdf'), pdf);
    const pages = pageCount(pdf);
    console.info(`the overview printed on ${pages} A4 page(s)`);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav')).toBe(false);
    expect(await page.isVisible('form.as-of')).toBe(false);
    expect(await printStamp(page)).toContain('截至 2021-12-31　打印人：王副主任');
    await screenshot(page, 'print-overview');
  });
});

describe('a supervision notice (督办单) printed from its task', () => {
  it('opens as the office’s slip with every field, and prints alone', async () => {
    const token = await demo.system.token('leader');
    const { data } = await demo.system.gql<{
      tasks: { edges: { node: { id: string } }[] };
    }>('{ tasks(first: 100) { edges { node { id } } } }', {}, token);
    let found: { taskId: string; notice: Record<string, unknown> & { id: string } } | null = null;
    for (const { node } of data!.tasks.edges) {
      const answer = await demo.system.gql<{
        task: { notices: ({ id: string } & Record<string, unknown>)[] };
      }>(
        'query($id: ID!) { task(id: $id) { notices { id level toUnit { name } subject body replyDueDate issuedAt } } }',
        { id: node.id },
        token,
      );
      const notice = answer.data?.task.notices.find((entry) => entry.level === 'RED');
      if (notice) {
        found = { taskId: node.id, notice };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { taskId, notice } = found!;

    const page = await session('deputy-wang');
    await page.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await page.waitForSelector('main [data-ready="task"]');
    await page.click(`button[data-action="print-notice"][data-notice="${notice.id}"]`);
    const sheet = `dialog.notice-sheet[open][data-notice="${notice.id}"]`;
    await page.waitForSelector(sheet);
    const field = (name: string) => page.textContent(`${sheet} [data-field="${name}"]`);
    expect(await page.textContent(`${sheet} h1`)).toBe('督办单（红色）');
    expect(await field('id')).toBe(notice.id);
    expect(await field('toUnit')).toBe((notice.toUnit as { name: string }).name);
    expect(await field('subject')).toBe(notice.subject);
    expect(await field('body')).toBe(notice.body);
    expect(await field('replyDueDate')).toBe('2021年6月25日');
    expect(await field('issuer')).toBe('督查室');
    expect(await field('issuedAt')).toBe('2021年6月15日');
    expect(await page.textContent(sheet)).toContain('请于 2021年6月25日 前书面答复办理情况。');
    await screenshot(page, 'notice-sheet');

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible(sheet)).toBe(true);
    expect(await page.isVisible('#app')).toBe(false);
    expect(await page.isVisible(`${sheet} .notice-actions`)).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(path.join(outputDir, 'notice.pdf'), pdf);
    expect(pageCount(pdf)).toBe(1);
    await page.emulateMedia({ media: null });
    await page.click(`${sheet} .notice-actions button:has-text("关闭")`);
    // A dialog's close event is dispatched as a task of its own: the sheet goes then.
    await page.waitForSelector('dialog.notice-sheet', { state: 'detached', timeout: 5000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'print-notice',
    );
  });
});
