import {
  type HistoryFilter,
  headAndKey,
  historyPage,
  inclusionProofs,
  recentHeads,
  signHead,
  taskTitles,
  type WitnessedHead,
  witnessesOf,
} from '../audit/api.ts';
import { coveredBy } from '../audit/covered.ts';
import { exportBundle } from '../audit/export.ts';
import type { AuditEvent } from '../audit/types.ts';
import { verifyEvent } from '../audit/verify-event.ts';
import { h, uid } from '../core/dom.ts';
import { dateTime, label, table } from '../core/format.ts';
import { type MessageKey, t } from '../core/i18n.ts';
import { errorText } from '../core/messages.ts';
import { hrefOf, type Route, submitToAddress } from '../core/route.ts';
import { can, scope } from '../core/session.ts';
import { zh } from '../i18n/zh.ts';
import { allOfficials, allUnits, type UnitName, unitName } from './lookups.ts';
import { actorName } from './task/actor-name.ts';

/** A search field: chosen from a list by name, or a day. */
interface FilterField {
  name: string;
  label: MessageKey;
  kind: 'officials' | 'units' | 'types' | 'date' | 'text';
}

const filterFields: readonly FilterField[] = [
  { name: 'actorId', label: 'actorId', kind: 'officials' },
  { name: 'unitId', label: 'unitId', kind: 'units' },
  { name: 'types', label: 'types', kind: 'types' },
  { name: 'streamId', label: 'streamId', kind: 'text' },
  { name: 'recordedFrom', label: 'recordedFrom', kind: 'date' },
  { name: 'recordedTo', label: 'recordedTo', kind: 'date' },
  { name: 'businessFrom', label: 'businessFrom', kind: 'date' },
  { name: 'businessTo', label: 'businessTo', kind: 'date' },
];

/** The event types the console names, each with its Chinese (or English) name. */
const eventTypes = (): { value: string; label: string }[] =>
  Object.keys(zh)
    .filter((key) => key.startsWith('event_'))
    .map((key) => ({ value: key.slice('event_'.length), label: t(key as MessageKey) }));

/** The day's bounds as instants in China Standard Time, the zone business days are in. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59.999+08:00`;

const filterOf = (route: Route): HistoryFilter => {
  const filter: HistoryFilter = {};
  const value = (name: string) => route.params.get(name)?.trim() || undefined;
  const set = <K extends keyof HistoryFilter>(name: K, given: HistoryFilter[K] | undefined) => {
    if (given !== undefined) filter[name] = given;
  };
  set('actorId', value('actorId'));
  set('unitId', value('unitId'));
  set('streamId', value('streamId'));
  set('types', value('types')?.split(',').filter(Boolean));
  set('recordedFrom', value('recordedFrom') && dayStart(value('recordedFrom') as string));
  set('recordedTo', value('recordedTo') && dayEnd(value('recordedTo') as string));
  set('businessFrom', value('businessFrom'));
  set('businessTo', value('businessTo'));
  return filter;
};

const choice = (
  attrs: Record<string, string>,
  options: readonly { value: string; label: string }[],
  selected: string,
) =>
  h(
    'select',
    attrs,
    h('option', { value: '' }, t('allOption')),
    options.map((option) =>
      h('option', { value: option.value, selected: option.value === selected }, option.label),
    ),
  );

const filterControl = (field: FilterField, id: string, route: Route, lists: Lists) => {
  const attrs = { id, name: field.name };
  const selected = route.params.get(field.name) ?? '';
  switch (field.kind) {
    case 'officials':
      return choice(attrs, named(lists.officials), selected);
    case 'units':
      return choice(attrs, named(lists.units), selected);
    case 'types':
      return choice(attrs, eventTypes(), selected);
    case 'date':
    case 'text':
      return h('input', { ...attrs, type: field.kind, value: selected });
    default: {
      const _exhaustive: never = field.kind;
      throw new Error(`unknown field ${String(_exhaustive)}`);
    }
  }
};

interface Lists {
  units: UnitName[];
  officials: UnitName[];
}

const named = (list: readonly UnitName[]) =>
  list.map((item) => ({ value: item.id, label: item.name ?? item.id }));

const searchForm = (route: Route, lists: Lists) =>
  h(
    'form',
    {
      class: 'filters',
      'aria-label': t('filters'),
      onsubmit: submitToAddress('audit'),
    },
    filterFields.map((field) => {
      const id = uid(field.name);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t(field.label)),
        filterControl(field, id, route, lists),
      );
    }),
    h('button', { type: 'submit' }, t('search')),
  );

/** Checks one event in the browser and shows the verdict, step by step. */
const verifier = (event: AuditEvent) => {
  const result = h('div', { class: 'verdict', role: 'status', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      'data-verify': event.position,
      onclick: async () => {
        result.replaceChildren(t('verifying'));
        const { head, key } = await headAndKey();
        if (!head || !coveredBy(event, head)) {
          result.replaceChildren(h('span', { class: 'uncovered' }, t('notYetCovered')));
          if (can('auditSign')) {
            const sign = async () => {
              await signHead();
              button.click();
            };
            result.append(h('button', { type: 'button', onclick: sign }, t('signHeadNow')));
          }
          return;
        }
        const [proof] = await inclusionProofs([event.position], head.treeSize);
        const verdict = await verifyEvent(event, proof!, head, key).catch((error: unknown) => {
          // This browser could not compute a step (no WebCrypto on a plain-HTTP
          // address, no SHA-256): that is no verdict on the event.
          result.replaceChildren(
            h(
              'strong',
              { class: 'not-verified', 'data-verdict': 'cannot-check' },
              t('cannotCheck', { reason: errorText(error) }),
            ),
          );
          return null;
        });
        if (!verdict) return;
        const witnessed = await witnessesOf(head.treeSize).catch(() => null);
        result.replaceChildren(
          h(
            'strong',
            {
              class: verdict.ok ? 'verified' : 'not-verified',
              'data-verdict': verdict.ok ? 'verified' : 'not-verified',
            },
            verdict.ok ? t('verified') : t('notVerified'),
          ),
          h(
            'ul',
            { class: 'steps' },
            verdict.steps.map((step) =>
              h('li', {}, step.ok ? '✔ ' : '✘ ', t(`step_${step.step}` as MessageKey)),
            ),
          ),
          h(
            'p',
            { 'data-witnessed': witnessed?.witnessed ? 'yes' : 'no' },
            witnessed?.witnessed
              ? t('headWitnessed', {
                  size: head.treeSize,
                  witnesses: witnessed.witnesses.join('、'),
                })
              : t('headNotWitnessed', { size: head.treeSize }),
          ),
        );
      },
    },
    t('verify'),
  );
  return h('div', {}, button, result);
};

/** Builds the bundle in the page and hands it to the browser as a download. */
const downloader = (filter: HistoryFilter) => {
  const status = h('p', { class: 'form-status', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      'data-testid': 'download-bundle',
      onclick: async () => {
        button.disabled = true;
        status.textContent = t('loading');
        try {
          const { head, key } = await headAndKey();
          if (!head) {
            status.textContent = t('notYetCovered');
            return;
          }
          const exportedAt = new Date().toISOString();
          const bundle = await exportBundle(filter, head, key, exportedAt);
          const link = h('a', {
            href: URL.createObjectURL(new Blob([bundle.text], { type: 'application/json' })),
            download: `audit-bundle-${exportedAt.slice(0, 10)}.json`,
          });
          link.click();
          status.textContent = `${t('bundleReady', { count: bundle.count, size: head.treeSize })}${
            bundle.leftOut > 0 ? ` ${t('bundleLeftOut', { count: bundle.leftOut })}` : ''
          }`;
        } catch (error) {
          status.textContent = `${t('errorPrefix')}${errorText(error)}`;
        } finally {
          button.disabled = false;
        }
      },
    },
    t('downloadBundle'),
  );
  return h('div', { class: 'download' }, button, status);
};

const pager = (route: Route, pageInfo: { hasNextPage: boolean; endCursor: string | null }) => {
  const params = Object.fromEntries(route.params.entries());
  const trail = (route.params.get('trail') ?? '').split(',').filter(Boolean);
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('next') },
    route.params.get('after')
      ? h(
          'a',
          {
            href: hrefOf('audit', {
              ...params,
              after: trail.at(-1) ?? null,
              trail: trail.slice(0, -1).join(','),
            }),
          },
          t('previous'),
        )
      : null,
    pageInfo.hasNextPage && pageInfo.endCursor
      ? h(
          'a',
          {
            href: hrefOf('audit', {
              ...params,
              after: pageInfo.endCursor,
              trail: [...trail, route.params.get('after') ?? ''].filter(Boolean).join(','),
            }),
          },
          t('next'),
        )
      : null,
  );
};

/** The latest signed heads, each with who witnessed it, or that nobody did. */
const headList = (heads: readonly WitnessedHead[]) =>
  h(
    'section',
    { 'data-testid': 'heads' },
    table(
      t('treeHeads'),
      [
        { label: t('treeSize'), cell: (head) => head.treeSize, numeric: true },
        { label: t('signedAt'), cell: (head) => dateTime(head.signedAt) },
        { label: t('keyId'), cell: (head) => h('code', {}, head.keyId) },
        {
          label: t('witnesses'),
          cell: (head) =>
            h(
              'span',
              { 'data-head-witnessed': head.witnessed ? 'yes' : 'no' },
              head.witnesses.length > 0
                ? head.witnesses
                    .map(
                      ({ witness, timestamp }) =>
                        `${witness}（${dateTime(new Date(timestamp * 1000).toISOString())}）`,
                    )
                    .join('、')
                : t('noWitness'),
              head.witnessed ? ` ✔ ${t('witnessed')}` : '',
            ),
        },
      ],
      heads,
    ),
  );

/** The task a stream is the log of (`task-<id>`), or null for any other stream. */
const taskIdOf = (streamId: string): string | null =>
  streamId.startsWith('task-') ? streamId.slice('task-'.length) : null;

/** The directory's name of a unit's (`unit-<id>`) or an official's (`official-<id>`) stream. */
const directoryName = (streamId: string, lookups: Lists): string | null => {
  const [, kind, id = ''] = /^(unit|official)-(.+)$/.exec(streamId) ?? [];
  if (!kind) return null;
  return unitName(kind === 'unit' ? lookups.units : lookups.officials, id);
};

/**
 * A task's stream by the task's title, linked to its page; a unit's or an
 * official's by their name; other streams as they are named.
 */
const streamCell = (streamId: string, titles: ReadonlyMap<string, string>, lookups: Lists) => {
  const taskId = taskIdOf(streamId);
  const title = taskId ? titles.get(taskId) : undefined;
  if (taskId && title)
    return h('a', { href: `#/tasks/${encodeURIComponent(taskId)}`, title: streamId }, title);
  const name = directoryName(streamId, lookups);
  return name ? h('span', { title: streamId }, name) : streamId;
};

/** 纪检监察: history search with paging, proof verification in the browser, bundle download. */
export const auditView = async (route: Route): Promise<HTMLElement> => {
  if (scope('auditProof') === null) return h('p', {}, t('forbidden'));
  const filter = filterOf(route);
  const [page, heads, units, officials] = await Promise.all([
    historyPage(filter, 20, route.params.get('after') || null),
    recentHeads(10),
    allUnits(),
    allOfficials(),
  ]);
  const taskIds = [
    ...new Set(page.events.map((event) => taskIdOf(event.streamId)).filter((id) => id !== null)),
  ];
  const titles = await taskTitles(taskIds).catch(() => new Map<string, string>());
  return h(
    'section',
    { class: 'audit', 'data-ready': 'audit' },
    h('h1', { tabindex: '-1' }, t('audit')),
    h('p', { class: 'help' }, t('auditHelp')),
    searchForm(route, { units, officials }),
    h('p', {}, t('pageOf', { total: page.totalCount })),
    page.totalCount > 0 ? downloader(filter) : null,
    table(
      t('audit'),
      [
        { label: t('position'), cell: (event) => event.position, numeric: true },
        { label: t('recordedAt'), cell: (event) => dateTime(event.recordedAt) },
        {
          label: t('eventType'),
          cell: (event) => h('span', { title: event.type }, label('event', event.type)),
        },
        {
          label: t('streamId'),
          cell: (event) => streamCell(event.streamId, titles, { units, officials }),
        },
        {
          label: t('actor'),
          cell: (event) => actorName(event.actor, officials),
        },
        { label: t('verify'), cell: verifier },
      ],
      page.events,
    ),
    pager(route, page.pageInfo),
    headList(heads),
  );
};
