import {
  type HistoryFilter,
  headAndKey,
  historyPage,
  inclusionProofs,
  recentHeads,
  signHead,
  type WitnessedHead,
  witnessesOf,
} from '../audit/api.ts';
import { exportBundle } from '../audit/export.ts';
import type { AuditEvent } from '../audit/types.ts';
import { verifyEvent } from '../audit/verify-event.ts';
import { h, uid } from '../core/dom.ts';
import { dateTime, table } from '../core/format.ts';
import { type MessageKey, t } from '../core/i18n.ts';
import { errorText } from '../core/messages.ts';
import { hrefOf, type Route, submitToAddress } from '../core/route.ts';
import { can, scope } from '../core/session.ts';

const filterFields: { name: keyof HistoryFilter; label: MessageKey; type: string }[] = [
  { name: 'actorId', label: 'actorId', type: 'text' },
  { name: 'unitId', label: 'unitId', type: 'text' },
  { name: 'types', label: 'types', type: 'text' },
  { name: 'streamId', label: 'streamId', type: 'text' },
  { name: 'businessFrom', label: 'businessFrom', type: 'date' },
  { name: 'businessTo', label: 'businessTo', type: 'date' },
];

const filterOf = (route: Route): HistoryFilter => {
  const filter: HistoryFilter = {};
  for (const { name } of filterFields) {
    const value = route.params.get(name)?.trim();
    if (!value) continue;
    if (name === 'types')
      filter.types = value
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean);
    else filter[name] = value;
  }
  return filter;
};

const searchForm = (route: Route) =>
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
        h('input', {
          id,
          name: field.name,
          type: field.type,
          value: route.params.get(field.name) ?? '',
        }),
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
        if (!head || event.position > head.treeSize) {
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

/** 纪检监察: history search with paging, proof verification in the browser, bundle download. */
export const auditView = async (route: Route): Promise<HTMLElement> => {
  if (scope('auditProof') === null) return h('p', {}, t('forbidden'));
  const filter = filterOf(route);
  const [page, heads] = await Promise.all([
    historyPage(filter, 20, route.params.get('after') || null),
    recentHeads(10),
  ]);
  return h(
    'section',
    { class: 'audit', 'data-ready': 'audit' },
    h('h1', { tabindex: '-1' }, t('audit')),
    h('p', { class: 'help' }, t('auditHelp')),
    searchForm(route),
    h('p', {}, t('pageOf', { total: page.totalCount })),
    downloader(filter),
    table(
      t('audit'),
      [
        { label: t('position'), cell: (event) => event.position, numeric: true },
        { label: t('recordedAt'), cell: (event) => dateTime(event.recordedAt) },
        { label: t('eventType'), cell: (event) => h('code', {}, event.type) },
        { label: t('streamId'), cell: (event) => event.streamId },
        { label: t('actor'), cell: (event) => event.actor.name ?? event.actor.id },
        { label: t('verify'), cell: verifier },
      ],
      page.events,
    ),
    pager(route, page.pageInfo),
    headList(heads),
  );
};
