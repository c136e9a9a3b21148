import { h } from '../core/dom.ts';
import { lang, type MessageKey, setLang, t } from '../core/i18n.ts';
import type { Operation } from '../core/permissions.generated.ts';
import { can, type Me, scope } from '../core/session.ts';
import { allUnits, unitName } from './lookups.ts';

interface NavItem {
  href: string;
  label: MessageKey;
  show: boolean;
}

const navItems = (me: Me): NavItem[] => [
  { href: '#/workbench', label: 'navWorkbench', show: can('registerTask') },
  { href: '#/overview', label: 'navOverview', show: can('overview') },
  { href: '#/boards/responsibility', label: 'navResponsibility', show: can('responsibilityBoard') },
  { href: '#/boards/stage', label: 'navStage', show: can('stageBoard') },
  { href: '#/boards/blockage', label: 'navBlockage', show: can('blockageBoard') },
  { href: '#/boards/progress', label: 'navProgress', show: can('progressBoard') },
  { href: '#/boards/results', label: 'navResults', show: can('resultsBoard') },
  {
    href: '#/my-tasks',
    label: 'navMyTasks',
    show: me.role === 'department_head' || me.role === 'liaison',
  },
  { href: '#/audit', label: 'navAudit', show: scope('auditProof') !== null },
  { href: '#/notifications', label: 'navNotifications', show: can('notifications') },
];

/** The operations the console offers, in the words of the user's role. */
const offered: readonly (Operation | 'read')[] = [
  'read',
  'issueLeadershipInstruction',
  'awardBonus',
  'approveDeadlineExtension',
  'escalateBlockage',
  'signTask',
  'reportProgress',
  'completeMilestone',
  'reportBlockage',
  'resolveBlockage',
  'declareBlockagePartDone',
  'assignMilestoneOwner',
  'requestDeadlineExtension',
  'reviewDeadlineExtension',
  'answerSupervisionNotice',
  'urgeTask',
  'auditProof',
  'recordAccountability',
];

/** What the role may do, with its scope: read from the permission table, not hard-coded. */
const permissionList = () =>
  h(
    'ul',
    { class: 'may-do' },
    offered.map((operation) => {
      const granted = operation === 'read' ? scope('task') : scope(operation);
      if (!granted) return null;
      return h(
        'li',
        { 'data-operation': operation },
        t(`op_${operation}` as MessageKey),
        ` (${t(`scope_${granted}` as MessageKey)})`,
      );
    }),
  );

/** The user's unit by name once the directory answers (its id until then). */
const unitLabel = (unitId: string) => {
  const label = h('span', { 'data-unit': unitId }, ` · ${unitId}`);
  void allUnits()
    .then((list) => {
      label.textContent = ` · ${unitName(list, unitId)}`;
    })
    .catch(() => undefined);
  return label;
};

/** Who is signed in, in words: name, role and unit. */
const identity = (me: Me) => [
  `${me.name ?? me.id} · ${t(`role_${me.role}` as MessageKey)}`,
  me.unitId ? unitLabel(me.unitId) : '',
];

/**
 * Who is signed in and what their role may do. A phone cuts the summary short:
 * the panel then says in full who is signed in.
 */
const whoAmI = (me: Me) =>
  h(
    'details',
    { class: 'who' },
    h(
      'summary',
      { 'data-testid': 'who' },
      h('span', { class: 'who-label' }, `${t('youAre')}：`),
      identity(me),
    ),
    h(
      'div',
      { class: 'who-panel' },
      h('p', { class: 'who-full' }, identity(me)),
      h('h2', {}, t('mayDo')),
      permissionList(),
      h('p', {}, t('cannotDo')),
    ),
  );

/**
 * The other language's name, in that language, then what the button does for
 * screen readers: its accessible name starts with the words it shows.
 */
const languageSwitch = (rerender: () => void) =>
  h(
    'button',
    {
      type: 'button',
      class: 'lang',
      onclick: () => {
        setLang(lang() === 'en' ? 'zh-CN' : 'en');
        rerender();
      },
    },
    h('span', { lang: lang() === 'en' ? 'zh-CN' : 'en' }, t('language')),
    h('span', { class: 'visually-hidden' }, t('languageHint')),
  );

/** On a phone the navigation is one line that scrolls sideways: the current page is brought into it. */
const showCurrent = (nav: HTMLElement): void => {
  requestAnimationFrame(() => {
    const link = nav.querySelector<HTMLElement>('[aria-current="page"]');
    if (link && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = link.offsetLeft - 16;
  });
};

/** The frame of every page: skip link, title, navigation, who am I, language, sign-out. */
export const shell = (
  me: Me | null,
  current: string,
  handlers: { rerender: () => void; signOut: () => void },
): { root: HTMLElement; main: HTMLElement } => {
  const main = h('main', { id: 'main', tabindex: '-1' });
  const skip = h(
    'a',
    {
      class: 'skip',
      href: '#main',
      onclick: (event: Event) => {
        event.preventDefault();
        main.focus();
      },
    },
    t('skipToContent'),
  );
  const nav = me
    ? h(
        'nav',
        { 'aria-label': t('nav') },
        h(
          'ul',
          {},
          navItems(me)
            .filter((item) => item.show)
            .map((item) =>
              h(
                'li',
                {},
                h(
                  'a',
                  {
                    href: item.href,
                    'aria-current': current.startsWith(item.href) ? 'page' : null,
                  },
                  t(item.label),
                ),
              ),
            ),
        ),
      )
    : null;
  if (nav) showCurrent(nav);
  const header = h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-full' }, t('appTitle')),
      h('span', { class: 'brand-short' }, t('appTitleShort')),
    ),
    nav,
    h(
      'div',
      { class: 'tools' },
      me ? whoAmI(me) : null,
      languageSwitch(handlers.rerender),
      me ? h('button', { type: 'button', onclick: handlers.signOut }, t('signOut')) : null,
    ),
  );
  return { root: h('div', { class: 'page' }, skip, header, main), main };
};
