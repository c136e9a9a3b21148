import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** Debian's Chromium, driven by playwright-core: nothing is downloaded. */
export const chromiumPath = '/usr/bin/chromium';

/** Without the background-networking flags Chromium calls home, which this machine refuses. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const screenshotDir = path.resolve('test-output', 'screenshots');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/**
 * The console as `npm install` builds it, in `web/dist` or where CONSOLE_DIR
 * says; built here when it is not there yet.
 */
export const ensureConsoleBuilt = (): void => {
  const dir = path.resolve(process.env.CONSOLE_DIR ?? path.join('web', 'dist'));
  if (existsSync(path.join(dir, 'index.html'))) return;
  execFileSync(
    process.execPath,
    [
      path.resolve('node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      'web',
      '--outDir',
      dir,
      '--emptyOutDir',
    ],
    { stdio: 'ignore' },
  );
};

/**
 * The demo year loaded into a fresh data folder and served by the whole system,
 * with the clock at the year's end and demo sign-in on; `env` adds settings.
 */
export const startDemoSystem = async (env: Record<string, string> = {}): Promise<TestSystem> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-console-'));
  await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
  // The gateway reads DEMO_LOGIN from its environment when its options do not say.
  process.env.DEMO_LOGIN = 'true';
  return startTestSystem(
    { CLOCK: demoNow, SUPERVISION_CLOCK_INTERVAL_MS: '0', ...env },
    { dataDir },
  );
};

/** A browser session that records every request it makes and every error the page throws. */
export interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

/** A window's size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

export const openSession = async (
  browser: Browser,
  viewport: Size = { width: 1280, height: 900 },
): Promise<Session> => {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, requests, errors };
};

/** Signs in through the page as one of the demo's people; resolves on their first screen. */
export const signInAs = async (session: Session, url: string, sub: string): Promise<void> => {
  const { page } = session;
  await page.goto(`${url}/`);
  await page.selectOption('select[name="demoUser"]', sub);
  await page.click('form[data-form="demo"] button[type="submit"]');
  await page.waitForSelector('main [data-ready]');
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

/** A Chromium for one test file, launched before its tests and closed after them. */
export const chromiumForFile = (timeoutMs = 60_000): { browser: Browser } => {
  const run = {} as { browser: Browser };
  beforeAll(async () => {
    run.browser = await launchChromium();
  }, timeoutMs);
  afterAll(async () => {
    await run.browser?.close();
  });
  return run;
};

/** The demo year served and a Chromium to use it, for one test file. */
export interface ConsoleRun {
  system: TestSystem;
  browser: Browser;
  /** Every session opened, to check their pages threw nothing. */
  sessions: Session[];
}

/**
 * Serves the demo year (with `env` added; a function when a setting is known
 * only once something else has started) and launches Chromium before the
 * file's tests, and stops both after them.
 */
export const demoConsole = (
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
  timeoutMs = 120_000,
): ConsoleRun => {
  const run = { sessions: [] as Session[] } as ConsoleRun;
  beforeAll(async () => {
    ensureConsoleBuilt();
    run.system = await startDemoSystem(typeof env === 'function' ? await env() : env);
    run.browser = await launchChromium();
  }, timeoutMs);
  afterAll(async () => {
    await run.browser?.close();
    await run.system?.stop();
  });
  return run;
};

/** A new session of `run` at `size`, signed in as `sub`, `watch` told of it first. */
export const signedInSession = async (
  run: ConsoleRun,
  sub: string,
  options: { watch?: (session: Session) => void; size?: Size } = {},
): Promise<Session> => {
  const opened = await openSession(run.browser, options.size);
  run.sessions.push(opened);
  options.watch?.(opened);
  await signInAs(opened, run.system.url, sub);
  return opened;
};

/** A new session of `run` signed in as `sub`, `watch` told of it first: its page on their first screen. */
export const sessionOf = async (
  run: ConsoleRun,
  sub: string,
  watch: (session: Session) => void = () => undefined,
  size?: Size,
): Promise<Page> => (await signedInSession(run, sub, { watch, size })).page;
