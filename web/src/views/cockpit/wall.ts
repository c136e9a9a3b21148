import { h, uid } from '../../core/dom.ts';
import { t } from '../../core/i18n.ts';

/**
 * The large display (大屏) of the 调度会 room: the cockpit alone, full screen,
 * in large type, asked again every few minutes; Escape (or leaving full
 * screen, or the page) ends it. Its state outlives each drawing of the
 * overview: a refresh draws the page anew inside it.
 */
const wallClass = 'cockpit-wall';
const minutesKey = 'dubanju.wallMinutes';
const minuteChoices = [1, 2, 5, 10, 15, 30];
const defaultMinutes = 5;

const storedMinutes = (): number => {
  const stored = Number(localStorage.getItem(minutesKey));
  return minuteChoices.includes(stored) ? stored : defaultMinutes;
};

const wall = {
  on: false,
  minutes: storedMinutes(),
  timer: undefined as ReturnType<typeof setInterval> | undefined,
};

/** How each drawing of the cockpit asks for it again and draws it in place. */
const reloads = new WeakMap<Element, () => Promise<void>>();

/**
 * Marks `root` as what the large display shows and refreshes with `reload`.
 * The page may be drawn more than once in a row (only the last is kept): the
 * refresh finds the one on the page when its time comes.
 */
export const wallShows = (root: HTMLElement, reload: () => Promise<void>): void => {
  root.setAttribute('data-wall-root', '');
  reloads.set(root, reload);
};

const refresh = () => {
  const root = document.querySelector('[data-wall-root]');
  const reload = root ? reloads.get(root) : undefined;
  if (reload) void reload().catch(() => undefined);
  else leaveWall();
};

const schedule = () => {
  clearInterval(wall.timer);
  wall.timer = setInterval(refresh, wall.minutes * 60_000);
};

const toggleLabels = () => {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-wall-toggle]')) {
    button.textContent = t(wall.on ? 'wallLeave' : 'wallEnter');
  }
};

const onKey = (event: KeyboardEvent) => {
  if (event.key === 'Escape') leaveWall();
};

/** The browser left full screen (its own Escape, or F11): the large display ends with it. */
const onFullscreenChange = () => {
  if (!document.fullscreenElement) leaveWall();
};

const enterWall = () => {
  if (wall.on) return;
  wall.on = true;
  document.documentElement.classList.add(wallClass);
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', leaveWall);
  // Full screen needs the click that got here; refused (a kiosk, a test), the page still fills the window.
  void document.documentElement
    .requestFullscreen?.()
    .then(() => document.addEventListener('fullscreenchange', onFullscreenChange))
    .catch(() => undefined);
  schedule();
  toggleLabels();
};

/** Ends the large display; nothing when it is off. */
const leaveWall = (): void => {
  if (!wall.on) return;
  wall.on = false;
  clearInterval(wall.timer);
  document.documentElement.classList.remove(wallClass);
  document.removeEventListener('keydown', onKey);
  document.removeEventListener('fullscreenchange', onFullscreenChange);
  window.removeEventListener('hashchange', leaveWall);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  toggleLabels();
};

const minutesSelect = () => {
  const id = uid('wall-minutes');
  const select = h(
    'select',
    {
      id,
      name: 'wallMinutes',
      onchange: () => {
        wall.minutes = Number(select.value);
        localStorage.setItem(minutesKey, select.value);
        if (wall.on) schedule();
      },
    },
    minuteChoices.map((minutes) =>
      h(
        'option',
        { value: minutes, selected: minutes === wall.minutes },
        t('wallMinutes', { minutes }),
      ),
    ),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, t('wallEvery')), select);
};

/** The large display's switch and its refresh interval. */
export const wallControls = (): HTMLElement => {
  const helpId = uid('wall-help');
  return h(
    'div',
    { class: 'wall-controls' },
    minutesSelect(),
    h(
      'button',
      {
        type: 'button',
        'data-wall-toggle': '',
        'data-testid': 'wall-toggle',
        'aria-describedby': helpId,
        title: t('wallHelp'),
        onclick: () => (wall.on ? leaveWall() : enterWall()),
      },
      t(wall.on ? 'wallLeave' : 'wallEnter'),
    ),
    h('span', { class: 'visually-hidden', id: helpId }, t('wallHelp')),
  );
};
