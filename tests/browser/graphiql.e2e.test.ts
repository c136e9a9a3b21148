import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { chromiumForFile } from './browser.ts';

/* GraphiQL under its Content-Security-Policy, in headless Chromium: it runs, and the policy refuses nothing it needs. */

const chromium = chromiumForFile();
let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem();
}, 60_000);

afterAll(async () => {
  await sys?.stop();
});

it('renders its editor and runs a query with nothing refused by the policy', async () => {
  const page = await chromium.browser.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  page.on('pageerror', (error) => refused.push(String(error)));
  const answer = await page.goto(`${sys.url}/graphql`);
  expect(answer?.headers()['content-security-policy']).toContain("default-src 'none'");
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  const result = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return response.json();
  });
  expect(result).toEqual({ data: { __typename: 'Query' } });
  expect(refused).toEqual([]);
  await page.close();
}, 60_000);
