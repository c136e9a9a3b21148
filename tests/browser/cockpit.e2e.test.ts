import type { Page, Request } from 'playwright-core';
import { overviewQuery } from '../../web/src/operations/boards.ts';
import { operationHash } from '../../web/src/operations/hash.ts';
import { consoleOperations } from '../../web/src/operations/index.ts';
import { demoConsole, openSession, type Size, screenshot, sessionOf } from './browser.ts';
import { desktop, flowSizes, screenChecks } from './screens.ts';

// The leadership cockpit (the overview) in Debian's Chromium against the demo
// year: every count opens the list it counts, the key figures agree with the
// API, units come worst first, the large display comes and goes, and signing
// in asks each question once.

const demo = demoConsole();
let leaderToken: string;

/** A page's GraphQL requests, each by the hash of the persisted document it names. */
interface Recorded {
  page: Page;
  operations: { hash: string | undefined; query: unknown }[];
}

const leader = async (options: { clock?: boolean; size?: Size } = {}): Promise<Recorded> => {
  const operations: Recorded['operations'] = [];
  let clockInstalled: Promise<void> = Promise.resolve();
  const page = await sessionOf(
    demo,
    'deputy-wang',
    (opened) => {
      opened.context.on('request', (request: Request) => {
        if (!request.url().endsWith('/graphql')) return;
        const body = request.postDataJSON() as {
          query?: unknown;
          extensions?: { persistedQuery?: { sha256Hash?: string } };
        };
        operations.push({ hash: body.extensions?.persistedQuery?.sha256Hash, query: body.query });
      });
      if (options.clock) clockInstalled = opened.page.clock.install();
    },
    options.size,
  );
  await clockInstalled;
  return { page, operations };
};

const api = async <T>(query: string): Promise<T> => {
  const answer = await demo.system.gql<T>(query, {}, leaderToken);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
};

const overviewAt = async (page: Page, asOf?: string) => {
  await page.goto(`${demo.system.url}/#/overview${asOf ? `?asOf=${asOf}` : ''}`);
  await page.waitForSelector(`[data-ready="overview"]${asOf ? `[data-day="${asOf}"]` : ''}`);
};

const numberIn = async (page: Page, selector: string) => Number(await page.textContent(selector));

/** The overview's count of tasks by light. */
const lightCounts = async (page: Page) => ({
  green: await numberIn(page, '[data-testid="total-green"] strong'),
  yellow: await numberIn(page, '[data-testid="total-yellow"] strong'),
  red: await numberIn(page, '[data-testid="total-red"] strong'),
});

/** A board after a click: its filters from the address, its rows, and the total it states. */
const boardAfterClick = async (page: Page, link: string, board: string) => {
  await page.click(link);
  await page.waitForSelector(`[data-ready="${board}"]`);
  const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
  const total = Number((await page.textContent('.board-day'))?.match(/共 (\d+) 条/)?.[1]);
  // The board's own table: its caption is the board's title (盯责任 has its officials' too).
  const title = await page.textContent(`[data-ready="${board}"] h1`);
  const rows = await page.$$eval(
    `[data-ready="${board}"] table`,
    (tables, caption) =>
      tables
        .filter((table) => table.querySelector('caption')?.textContent === caption)
        .flatMap((table) => [...table.querySelectorAll('tbody tr')]).length,
    title,
  );
  return { params, total, rows };
};

beforeAll(async () => {
  leaderToken = await demo.system.token('leader');
});

describe.each(flowSizes)('the cockpit’s counts at the $name size', ({ size }) => {
  let page: Page;
  const screens = screenChecks();
  beforeAll(async () => {
    ({ page } = await leader({ size }));
  });

  /** The overview, then the board its link opens, each checked at this size the first time. */
  const countThrough = async (link: string, board: string, asOf?: string) => {
    await overviewAt(page, asOf);
    await screens.check(page, 'overview');
    const opened = await boardAfterClick(page, link, board);
    await screens.check(page, board);
    return opened;
  };

  // At a phone's size, the red count stands for the three lights.
  it.each(size === desktop ? ['green', 'yellow', 'red'] : ['red'])(
    'opens the %s tasks on 盯进度, as many as counted',
    async (light) => {
      await overviewAt(page, '2021-07-31');
      const count = await numberIn(page, `[data-testid="total-${light}"] strong`);
      const board = await countThrough(`[data-testid="total-${light}"]`, 'progress', '2021-07-31');
      expect(board.params.get('light')).toBe(light.toUpperCase());
      expect(board.params.get('asOf')).toBe('2021-07-31');
      expect(board.total).toBe(count);
      expect(board.rows).toBe(Math.min(count, 20));
    },
  );

  it('opens a section’s tasks of one light from its cell, and all of them from its total', async () => {
    await overviewAt(page);
    const cells = await page.$$eval('table a[data-count]', (links) =>
      links.map((link) => ({ href: link.getAttribute('href') ?? '', count: link.textContent })),
    );
    const red = cells.find((cell) => /section=.*light=RED/.test(cell.href));
    const total = cells.find((cell) => /section=/.test(cell.href) && !/light=/.test(cell.href));
    for (const cell of [red, total]) {
      expect(cell).toBeDefined();
      const board = await countThrough(`table a[href="${cell!.href}"]`, 'progress');
      expect(board.params.get('section')).toBeTruthy();
      expect(board.total).toBe(Number(cell!.count));
      expect(board.rows).toBe(Math.min(Number(cell!.count), 20));
    }
  });

  it('opens a unit’s tasks from the ranking, as many as its count of tasks', async () => {
    await overviewAt(page);
    const first = '[data-testid="ranking"] tbody tr:first-child';
    const unitId = await page.getAttribute(`${first} a[data-unit]`, 'data-unit');
    const tasks = await numberIn(page, `${first} td:nth-child(4)`);
    const board = await countThrough(`${first} a[data-unit]`, 'progress');
    expect(board.params.get('unitId')).toBe(unitId);
    expect(board.total).toBe(tasks);
    expect(board.rows).toBe(Math.min(tasks, 20));
  });

  it('opens a unit’s overdue milestones on 盯环节, as many as counted', async () => {
    await overviewAt(page);
    const link = '[data-testid="ranking"] a[href*="state=OVERDUE"]';
    const count = await numberIn(page, link);
    const board = await countThrough(link, 'stage');
    expect(board.params.get('state')).toBe('OVERDUE');
    expect(board.params.get('unitId')).toBeTruthy();
    expect(board.total).toBe(count);
  });

  it('counts one kind of matter (事项来源) when one is chosen, kept in the address', async () => {
    const kind = 'LEADER_INSTRUCTION';
    await overviewAt(page, '2021-09-30');
    const all = await lightCounts(page);
    expect(await page.textContent('form.as-of label[for^="kind"]')).toBe('事项来源');
    await page.selectOption('form.as-of select[name="kind"]', { label: '领导批示件' });
    const before = await page.$('[data-ready="overview"]');
    await page.click('form.as-of button[type="submit"]');
    // The page drawn again: the overview shown before gone, the new one of the kind standing.
    await page.waitForFunction((shown) => !shown?.isConnected, before);
    await page.waitForSelector('[data-ready="overview"]');
    const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    expect(params.get('kind')).toBe(kind);
    expect(params.get('asOf')).toBe('2021-09-30');
    expect(await page.inputValue('form.as-of select[name="kind"]')).toBe(kind);
    const { overview } = await api<{ overview: { totals: Record<string, number> } }>(
      `{ overview(asOf: "2021-09-30", kind: ${kind}) { totals { green yellow red } } }`,
    );
    const ofKind = await lightCounts(page);
    expect(ofKind).toEqual(overview.totals);
    expect(ofKind.green + ofKind.yellow + ofKind.red).toBeGreaterThan(0);
    expect(ofKind).not.toEqual(all);
    // A count opens the board of the same kind.
    expect(await page.getAttribute('[data-testid="total-red"]', 'href')).toContain(`kind=${kind}`);
    await screens.check(page, 'overview of a kind');
    await screenshot(page, `33-cockpit-of-a-kind${size === desktop ? '' : '-phone'}`);
  });

  it('shows every screen within the window’s width, with nothing for axe to find', () => {
    expect(screens.faults).toEqual([]);
  });
});

describe('the cockpit’s worst lists', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await leader());
  });

  it('lists each task behind the red count once', async () => {
    for (const day of ['2021-07-31', '2021-12-31']) {
      await overviewAt(page, day);
      const red = await numberIn(page, '[data-testid="total-red"] strong');
      const tasks = await page.$$eval(
        '[data-testid="red-tasks"] tbody tr a[href^="#/tasks/"]',
        (links) => links.map((link) => link.getAttribute('href')),
      );
      const { progressBoard } = await api<{ progressBoard: { nodes: { taskId: string }[] } }>(
        `{ progressBoard(asOf: "${day}", filter: { light: RED }) { nodes { taskId } } }`,
      );
      expect(red).toBeGreaterThan(0);
      expect(tasks).toHaveLength(red);
      expect(new Set(tasks).size).toBe(red);
      expect(new Set(tasks)).toEqual(
        new Set(progressBoard.nodes.map((task) => `#/tasks/${task.taskId}`)),
      );
    }
    await screenshot(page, '30-cockpit-red-tasks');
  });

  it('lists each task held up once, with its oldest blockage', async () => {
    await overviewAt(page, '2021-09-30');
    const tasks = await page.$$eval(
      '[data-testid="blocked-tasks"] tbody tr a[href^="#/tasks/"]',
      (links) => links.map((link) => link.getAttribute('href')),
    );
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks).size).toBe(tasks.length);
  });
});

describe('the cockpit’s key figures', () => {
  it('shows 办结率, 按期率, 逾期数 and open 堵点 as the API counts them, each saying how', async () => {
    const { page } = await leader();
    await overviewAt(page, '2021-09-30');
    const tile = async (id: string) => ({
      value: await page.textContent(`[data-testid="kpi-${id}"] .kpi-value`),
      help: await page.textContent(`[data-testid="kpi-${id}"] .kpi-help`),
    });
    const figures = {
      completion: await tile('completion'),
      onTime: await tile('on-time'),
      overdue: await tile('overdue'),
      blockages: await tile('blockages'),
    };
    const data = await api<{
      progressBoard: { nodes: { completion: string }[] };
      stageBoard: { counts: { doneOnTime: number; doneLate: number; overdue: number } };
      blockageBoard: { totalCount: number };
    }>(`{ progressBoard(asOf: "2021-09-30", first: 200) { nodes { completion } }
      stageBoard(asOf: "2021-09-30") { counts { doneOnTime doneLate overdue } }
      blockageBoard(asOf: "2021-09-30") { totalCount } }`);
    const tasks = data.progressBoard.nodes;
    const accepted = tasks.filter((task) => task.completion === 'ACCEPTED').length;
    const { doneOnTime, doneLate, overdue } = data.stageBoard.counts;
    expect(figures.completion.value).toBe(`${((100 * accepted) / tasks.length).toFixed(0)}%`);
    expect(figures.onTime.value).toBe(
      `${((100 * doneOnTime) / (doneOnTime + doneLate)).toFixed(0)}%`,
    );
    expect(figures.overdue.value).toBe(String(overdue));
    expect(figures.blockages.value).toBe(String(data.blockageBoard.totalCount));
    expect(data.blockageBoard.totalCount).toBeGreaterThan(0);
    for (const figure of Object.values(figures)) expect(figure.help).toMatch(/^算法：/);
    expect(figures.completion.help).toContain('÷');
    expect(figures.onTime.help).toContain('÷');
    await screenshot(page, '31-cockpit-2021-09-30');
  });
});

describe('units, worst first', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await leader());
  });

  const scores = (board: string) =>
    page.$$eval(`${board} tbody tr td:nth-child(3)`, (cells) =>
      cells.map((cell) => Number(cell.textContent)),
    );

  it('are ranked lowest score first on the overview', async () => {
    await overviewAt(page);
    const ranked = await scores('[data-testid="ranking"]');
    const { overview } = await api<{ overview: { ranking: { score: number }[] } }>(
      '{ overview { ranking { score } } }',
    );
    const worst = Math.min(...overview.ranking.map((unit) => unit.score));
    expect(ranked[0]).toBe(worst);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
  });

  it('come lowest score first on 盯责任 by default', async () => {
    await page.goto(`${demo.system.url}/#/boards/responsibility`);
    await page.waitForSelector('[data-ready="responsibility"]');
    const caption = await page.textContent('[data-ready="responsibility"] h1');
    const ranked = await page.$$eval(
      '[data-ready="responsibility"] table',
      (tables, title) =>
        tables
          .filter((table) => table.querySelector('caption')?.textContent === title)
          .flatMap((table) => [...table.querySelectorAll('tbody tr td:nth-child(3)')])
          .map((cell) => Number(cell.textContent)),
      caption,
    );
    const { overview } = await api<{ overview: { ranking: { score: number }[] } }>(
      '{ overview { ranking { score } } }',
    );
    expect(ranked[0]).toBe(Math.min(...overview.ranking.map((unit) => unit.score)));
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
  });

  it('offer a settled year (年度结算), and say in Chinese when it is not settled yet', async () => {
    await page.goto(`${demo.system.url}/#/boards/responsibility`);
    await page.waitForSelector('[data-ready="responsibility"]');
    expect(await page.textContent('label[for^="period"]')).toBe('年度结算（年份）');
    await page.goto(`${demo.system.url}/#/boards/responsibility?period=2021`);
    const alert = await page.waitForSelector('main [role="alert"]');
    // The demo is served on 2021-12-31: the clock closes 2021 from 2022-01-01.
    expect(await alert.textContent()).toContain(
      '尚未结算：2021 年度自 2022-01-01 起由系统时钟结算',
    );
  });
});

describe('the large display (大屏) for the 调度会 room', () => {
  it('fills the screen in large type, refreshes every N minutes, and Escape leaves it', async () => {
    const { page, operations } = await leader({ clock: true });
    const overviewHash = operationHash(overviewQuery);
    const fontSize = () =>
      page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await fontSize();
    await page.selectOption('select[name="wallMinutes"]', '2');
    await page.click('[data-testid="wall-toggle"]');
    await page.waitForSelector('html.cockpit-wall');
    expect(await fontSize()).toBeGreaterThan(normal);
    const box = await page.$eval('[data-ready="overview"]', (element) => ({
      top: element.getBoundingClientRect().top,
      fills: element.getBoundingClientRect().width === window.innerWidth,
      position: getComputedStyle(element).position,
    }));
    expect(box).toEqual({ top: 0, fills: true, position: 'fixed' });
    await screenshot(page, '32-cockpit-large-display');

    const asked = () => operations.filter((operation) => operation.hash === overviewHash).length;
    const before = asked();
    await page.clock.fastForward('01:50');
    await page.waitForTimeout(300);
    expect(asked()).toBe(before);
    await page.clock.fastForward('00:15');
    for (let wait = 0; wait < 50 && asked() === before; wait++) await page.waitForTimeout(100);
    expect(asked()).toBe(before + 1);
    expect(
      await page.$$('html.cockpit-wall [data-ready="overview"] [data-testid="kpi-overdue"]'),
    ).toHaveLength(1);

    await page.keyboard.press('Escape');
    await page.waitForSelector('html:not(.cockpit-wall)');
    expect(await fontSize()).toBe(normal);
    expect(await page.textContent('[data-testid="wall-toggle"]')).toBe('大屏模式');
    await page.clock.fastForward('05:00');
    await page.waitForTimeout(300);
    expect(asked()).toBe(before + 1);
  });
});

describe('signing in', () => {
  /** Each document's operation name by its hash, so a failure names what was asked twice. */
  const names = new Map(
    consoleOperations().map((document) => [
      operationHash(document),
      document.match(/^(?:query|mutation) (\w+)/)?.[1],
    ]),
  );
  const asked = (operations: Recorded['operations']) =>
    operations.map((operation) => names.get(operation.hash ?? '') ?? operation.hash);

  it('asks each question once, naming every document by its persisted hash', async () => {
    const { page, operations } = await leader();
    await page.waitForLoadState('networkidle');
    expect(operations.every((operation) => operation.hash && operation.query === undefined)).toBe(
      true,
    );
    const names = asked(operations);
    expect(names).toContain('Overview');
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('opens a board next without asking for the overview or its sections again', async () => {
    const { page, operations } = await leader();
    await page.waitForLoadState('networkidle');
    const seen = operations.length;
    await page.click('nav a[href="#/boards/progress"]');
    await page.waitForSelector('[data-ready="progress"]');
    await page.waitForLoadState('networkidle');
    const next = asked(operations.slice(seen));
    expect(next).toContain('ProgressBoard');
    expect(next).not.toContain('Sections');
    expect(next).not.toContain('Overview');
    expect(new Set(next).size).toBe(next.length);
  });
});

describe('the chart library', () => {
  it('is fetched after the page stands, once the chart comes near, not before', async () => {
    const opened = await openSession(demo.browser);
    demo.sessions.push(opened);
    await opened.page.setViewportSize({ width: 412, height: 823 });
    await opened.context.addInitScript(
      `sessionStorage.setItem('dubanju.token', ${JSON.stringify(leaderToken)})`,
    );
    await overviewAt(opened.page);
    await opened.page.waitForLoadState('networkidle');
    const echarts = () => opened.requests.filter((url) => /\/assets\/echarts-/.test(url));
    expect(echarts()).toEqual([]);
    await opened.page.locator('[data-testid="light-chart"]').scrollIntoViewIfNeeded();
    await opened.page.waitForSelector('[data-testid="light-chart"] svg');
    expect(echarts()).toHaveLength(1);
  });
});

describe('every cockpit page shown', () => {
  it('threw no error', () => {
    expect(demo.sessions.flatMap((opened) => opened.errors)).toEqual([]);
  });
});
