import './styles.css';
import './print.css';
import { auditAlarmBanner } from './audit/alarm-banner.ts';
import { takeAnnouncement } from './core/announce.ts';
import { whenUnauthenticated } from './core/api.ts';
import { h, replace } from './core/dom.ts';
import { lang, setLang, t } from './core/i18n.ts';
import { errorText } from './core/messages.ts';
import { parseRoute, type Route } from './core/route.ts';
import { loadMe, type Me, signOut } from './core/session.ts';
import { rememberReturn, takeReturn } from './core/session-store.ts';
import { installPrintStamp } from './export/print-stamp.ts';
import { auditView } from './views/audit.ts';
import { blockageBoard } from './views/boards/blockage.ts';
import { boardView } from './views/boards/board-page.ts';
import { progressBoard } from './views/boards/progress.ts';
import { responsibilityBoard } from './views/boards/responsibility.ts';
import { resultsBoard } from './views/boards/results.ts';
import { stageBoard } from './views/boards/stage.ts';
import { resetLookups } from './views/lookups.ts';
import { myTasksView } from './views/my-tasks.ts';
import { notificationsView } from './views/notifications.ts';
import { overviewView } from './views/overview.ts';
import { shell } from './views/shell.ts';
import { signInView } from './views/sign-in.ts';
import { taskView } from './views/task/task-page.ts';
import { workbenchView } from './views/workbench/workbench.ts';

type View = (route: Route, refresh: () => void) => Promise<HTMLElement>;

const boards: Record<string, View> = {
  responsibility: (route, refresh) => boardView(responsibilityBoard, route, refresh),
  stage: (route, refresh) => boardView(stageBoard, route, refresh),
  blockage: (route, refresh) => boardView(blockageBoard, route, refresh),
  progress: (route, refresh) => boardView(progressBoard, route, refresh),
  results: (route, refresh) => boardView(resultsBoard, route, refresh),
};

const viewOf = (route: Route): View | null => {
  switch (route.path[0]) {
    case 'overview':
      return overviewView;
    case 'boards':
      return boards[route.path[1] ?? ''] ?? null;
    case 'tasks':
      return taskView;
    case 'my-tasks':
      return myTasksView;
    case 'audit':
      return auditView;
    case 'workbench':
      return workbenchView;
    case 'notifications':
      return notificationsView;
    default:
      return null;
  }
};

/** Where each role starts: its own screen. */
const home = (me: Me): string =>
  me.role === 'department_head' || me.role === 'liaison'
    ? '#/my-tasks'
    : me.role === 'inspector'
      ? '#/audit'
      : me.role === 'office'
        ? '#/workbench'
        : '#/overview';

// Every page the console prints says of which day it is, who printed it and when.
installPrintStamp();

const app = document.getElementById('app')!;
let rendering = 0;

/** Draws the page the address names; `focus` moves keyboard focus to its heading (a new page). */
/** Set when the server refused the session's token, until the user signs in again. */
let sessionEnded = false;

const render = async (focus: boolean): Promise<void> => {
  const ticket = ++rendering;
  document.documentElement.lang = lang();
  document.title = t('appTitle');
  const route = parseRoute(location.hash);
  const me = await loadMe().catch(() => null);
  if (ticket !== rendering) return;
  const rerender = () => void render(false);
  const frame = shell(me, location.hash, {
    rerender,
    signOut: () => {
      signOut();
      resetLookups();
      location.hash = '#/sign-in';
    },
  });
  replace(app, frame.root);
  if (!me) {
    replace(frame.main, await signInView(() => void signedIn(), { expired: sessionEnded }));
    frame.main.querySelector('h1')?.focus();
    return;
  }
  // Never blocks the page: shown once the audit answers, if it found the log altered.
  void auditAlarmBanner()
    .then((banner) => {
      if (banner && ticket === rendering) frame.main.before(banner);
    })
    .catch(() => undefined);
  const view = viewOf(route);
  if (!view) {
    location.replace(home(me));
    return;
  }
  replace(frame.main, h('p', { class: 'loading' }, t('loading')));
  try {
    const content = await view(route, rerender);
    if (ticket !== rendering) return;
    replace(frame.main, content);
    // Read by the browser tests and anyone profiling: when this view first stood complete.
    performance.mark(`view:${route.path[0] ?? ''}`);
    const announcement = takeAnnouncement();
    if (announcement) {
      const note = h(
        'p',
        {
          class: 'form-status ok',
          role: 'status',
          tabindex: '-1',
          'data-testid': 'announcement',
        },
        announcement,
      );
      frame.main.prepend(note);
      note.focus();
    } else if (focus) content.querySelector('h1')?.focus();
  } catch (error) {
    replace(
      frame.main,
      h(
        'p',
        { class: 'form-status error', role: 'alert' },
        `${t('errorPrefix')}${errorText(error)}`,
      ),
    );
  }
};

const signedIn = async () => {
  resetLookups();
  sessionEnded = false;
  const me = await loadMe();
  const target = me ? (takeReturn() ?? home(me)) : location.hash;
  // A new address draws the page on its own (hashchange): drawing it here too would ask twice.
  if (target !== location.hash) location.hash = target;
  else await render(true);
};

/**
 * The server no longer takes the token (it expired, or its key changed): the
 * user is signed out at once, told why, and brought back to the same page once
 * signed in again.
 */
whenUnauthenticated(() => {
  if (sessionEnded) return;
  sessionEnded = true;
  rememberReturn(location.hash);
  signOut();
  resetLookups();
  void render(true);
});

/**
 * While the browser is offline, a banner says so and offers to try again; back
 * online, the page is drawn again. Nothing typed is lost: forms are not redrawn
 * until the user asks or the network returns.
 */
const offlineBanner = h(
  'div',
  { class: 'offline-banner', role: 'alert', 'data-testid': 'offline', hidden: navigator.onLine },
  t('offline'),
  ' ',
  h('button', { type: 'button', onclick: () => void render(false) }, t('retry')),
);
document.body.prepend(offlineBanner);
window.addEventListener('offline', () => {
  offlineBanner.hidden = false;
});
window.addEventListener('online', () => {
  offlineBanner.hidden = true;
  void render(false);
});

setLang(lang());
window.addEventListener('hashchange', () => void render(true));
void render(false);
