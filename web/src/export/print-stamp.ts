import { t } from '../core/i18n.ts';
import { nowInChina, signedInPerson } from './who-when.ts';

/** The custom property `print.css` shows atop the first page and in every page's footer. */
const stampProperty = '--print-stamp';

/** Text as a CSS string: `content` takes no HTML, only this. */
const cssString = (text: string): string =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;

/** The day the page shows (its `data-day`, as boards and the overview carry it), who prints it, and when. */
const stampText = (): string => {
  const day = document.querySelector('main [data-day]')?.getAttribute('data-day');
  const printed = t('printStamp', { who: signedInPerson(), when: nowInChina() });
  return day ? `${t('printAsOf', { day })}　${printed}` : printed;
};

const stamp = () =>
  document.documentElement.style.setProperty(stampProperty, cssString(stampText()));

let installed = false;

/**
 * Makes every printout say of which day it is, who printed it and when: the
 * stamp is written the moment printing starts (the print dialog, or print media
 * switched on), so it names the printer and the time of printing, not of drawing.
 */
export const installPrintStamp = (): void => {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeprint', stamp);
  window.matchMedia('print').addEventListener('change', (event) => {
    if (event.matches) stamp();
  });
};
