import './export.css';
import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';
import { errorText } from '../core/messages.ts';

/**
 * "导出 Excel": runs `exportAll` (which reports its progress and answers how many
 * rows it saved) once at a time, and says how it went beside the button.
 */
export const exportButton = (
  exportAll: (progress: (done: number, total: number) => void) => Promise<number>,
): HTMLElement => {
  const status = h('span', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'export',
      'data-action': 'export-xlsx',
      onclick: async () => {
        button.disabled = true;
        status.className = 'export-status';
        try {
          const rows = await exportAll((done, total) => {
            status.textContent = t('exportBusy', { done, total });
          });
          status.textContent = t('exportDone', { rows });
        } catch (error) {
          status.className = 'export-status error';
          status.textContent = `${t('exportFailed')}${errorText(error)}`;
        } finally {
          button.disabled = false;
        }
      },
    },
    t('exportExcel'),
  );
  return h('span', { class: 'export-tools' }, button, status);
};

/** "打印": the browser's print dialog, which prints the page with the print stylesheet. */
export const printButton = (): HTMLElement =>
  h(
    'button',
    { type: 'button', class: 'print', 'data-action': 'print', onclick: () => window.print() },
    t('print'),
  );
