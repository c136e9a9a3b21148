import { takeAnnouncement } from '../../core/announce.ts';
import { type Child, h, replace, uid } from '../../core/dom.ts';
import { type MessageKey, t } from '../../core/i18n.ts';
import { errorText } from '../../core/messages.ts';
import { ownWrite } from './own-write.ts';

/** What a section's form did: the task it wrote to, and a link to show with the confirmation. */
export interface Deed {
  taskId?: string;
  link?: Child;
}

/** Called by a section's form once the server took it. */
export type Acted = (deed?: Deed) => void;

/** One section of a screen: its title and what it shows of the screen's data. */
export interface Part<Data> {
  key: string;
  title: MessageKey;
  draw: (data: Data, acted: Acted) => Child;
}

interface Holder<Data> {
  part: Part<Data>;
  element: HTMLElement;
}

/** The confirmation of an action, where it was taken, focused so it is read out and typing goes on from there. */
const confirm = (section: HTMLElement, link: Child) => {
  const message = takeAnnouncement();
  if (!message) return;
  const note = h(
    'p',
    { class: 'form-status ok', role: 'status', tabindex: '-1', 'data-testid': 'announcement' },
    message,
    link ? [' ', link] : null,
  );
  section.querySelector('h2')?.after(note);
  note.focus();
};

const refuse = (section: HTMLElement, error: unknown) => {
  const note = h(
    'p',
    { class: 'form-status error', role: 'alert', tabindex: '-1' },
    `${t('errorPrefix')}${errorText(error)}`,
  );
  section.querySelector('h2')?.after(note);
  note.focus();
};

/**
 * A screen of sections drawn from one load. After a section's form acts, the
 * data is loaded again (once the task's read model has the write) and every
 * section drawn anew, and the confirmation stands in the section that acted,
 * with the keyboard focus: the user stays where they were working, not sent
 * to the top of the page.
 */
export const liveSections = async <Data>(
  load: () => Promise<Data>,
  parts: readonly Part<Data>[],
): Promise<HTMLElement[]> => {
  const holders: Holder<Data>[] = parts.map((part) => ({
    part,
    element: h('section', { class: 'card', 'data-section': part.key }),
  }));
  const draw = (data: Data) => {
    for (const holder of holders) {
      const heading = uid(holder.part.key);
      holder.element.setAttribute('aria-labelledby', heading);
      replace(
        holder.element,
        h('h2', { id: heading, tabindex: '-1' }, t(holder.part.title)),
        holder.part.draw(data, actedIn(holder)),
      );
    }
  };
  const actedIn =
    (holder: Holder<Data>): Acted =>
    (deed = {}) =>
      void (async () => {
        try {
          if (deed.taskId) await ownWrite(deed.taskId);
          draw(await load());
          confirm(holder.element, deed.link);
        } catch (error) {
          // The action was taken; only the lists could not be drawn again.
          refuse(holder.element, error);
          confirm(holder.element, deed.link);
        }
      })();
  draw(await load());
  return holders.map((holder) => holder.element);
};
