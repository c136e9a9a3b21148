import type { Page } from 'playwright-core';
import { demoConsole, openSession, signedInSession } from './browser.ts';
import {
  type AxeViolation,
  axeViolations,
  desktop,
  drawChart,
  phone,
  roles,
  screensOf,
  show,
} from './screens.ts';

// axe-core's default rules against every screen of every role of the demo year,
// at a desktop's size and a phone's: not one violation, and no rule turned off.

const demo = demoConsole();

const named = (where: string, violations: AxeViolation[]) =>
  violations.map(
    (violation) => `${where}: ${violation.rule} ×${violation.nodes} (${violation.first})`,
  );

/** Opens every fold (the forms on a task, who am I in the header), so axe sees what they hold. */
const openFolds = (page: Page) =>
  page.$$eval('details:not([open])', (folds) => {
    for (const fold of folds) (fold as HTMLDetailsElement).open = true;
  });

describe.each([
  ['desktop 1440×900', desktop],
  ['phone 390×844', phone],
])('at the %s size', (_name, size) => {
  it('finds nothing on the sign-in page', async () => {
    const { page, context } = await openSession(demo.browser, size);
    await page.goto(`${demo.system.url}/`);
    await page.waitForSelector('form[data-form="demo"]');
    const found = named('sign-in', await axeViolations(page));
    await context.close();
    expect(found).toEqual([]);
  });

  it.each(roles)(
    'finds nothing on any screen $sub reaches, folds open',
    async ({ sub }) => {
      const { page, context, errors } = await signedInSession(demo, sub, { size });
      const found: string[] = [];
      for (const hash of await screensOf(page)) {
        await show(page, hash);
        await drawChart(page);
        found.push(...named(hash, await axeViolations(page)));
        await openFolds(page);
        found.push(...named(`${hash} (folds open)`, await axeViolations(page)));
      }
      await context.close();
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    },
    180_000,
  );
});
