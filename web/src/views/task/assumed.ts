import { h } from '../../core/dom.ts';
import { t } from '../../core/i18n.ts';

/** Whether the plan assumed `field` (an enum value of the API, e.g. `DUE_DATE`). */
export const isAssumed = (assumed: readonly string[] | undefined, field: string): boolean =>
  assumed?.includes(field) ?? false;

/**
 * The 「假定」 mark beside a value the plan assumed: the work report does not
 * state it. `what` names the value in the explanation its title gives.
 */
export const assumedMark = (what: string, field: string) =>
  h(
    'span',
    { class: 'assumed', title: t('assumedTitle', { what }), 'data-assumed': field },
    t('assumed'),
  );

/** The mark when the plan assumed `field`, else nothing. */
export const markIfAssumed = (
  assumed: readonly string[] | undefined,
  field: string,
  what: string,
) => (isAssumed(assumed, field) ? [' ', assumedMark(what, field)] : []);
