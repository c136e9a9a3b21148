import { h, replace } from '../../core/dom.ts';
import { t } from '../../core/i18n.ts';
import { errorText } from '../../core/messages.ts';

/**
 * Where a row's form opens: under its table. The form is drafted from the row
 * (which may need the task first), then shown with a heading naming the item,
 * which takes the focus; closing it gives the focus back to the row's button.
 */
export const rowActions = () => {
  const slot = h('div', { class: 'wb-action', 'data-testid': 'row-action' });
  const open = async (opener: HTMLElement, heading: string, build: () => Promise<HTMLElement>) => {
    replace(slot, h('p', { class: 'loading', role: 'status' }, t('loading')));
    try {
      const form = await build();
      const title = h('h3', { tabindex: '-1' }, heading);
      const close = h(
        'button',
        {
          type: 'button',
          onclick: () => {
            replace(slot);
            opener.focus();
          },
        },
        t('wbClose'),
      );
      replace(slot, title, form, close);
      title.focus();
    } catch (error) {
      replace(
        slot,
        h(
          'p',
          { class: 'form-status error', role: 'alert' },
          `${t('errorPrefix')}${errorText(error)}`,
        ),
      );
    }
  };
  /** A row's button that opens its drafted form in the slot. */
  const button = (
    label: string,
    accessibleName: string,
    data: Record<string, string>,
    heading: string,
    build: () => Promise<HTMLElement>,
  ) => {
    const element: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        'aria-label': accessibleName,
        ...Object.fromEntries(Object.entries(data).map(([name, value]) => [`data-${name}`, value])),
        onclick: () => void open(element, heading, build),
      },
      label,
    );
    return element;
  };
  return { slot, button };
};
