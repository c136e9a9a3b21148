import { addDays } from '../../../domain/dates.ts';
import { ApiError } from '../core/api.ts';
import { t } from '../core/i18n.ts';

/** One choice of a select: the id sent, the name shown. */
export interface Option {
  value: string;
  label: string;
}

/** A unit or an official as the directory names it. */
export interface Named {
  id: string;
  name: string | null;
}

/** Pickers show names and send ids: the directory's units or officials as options. */
export const byName = (entries: readonly Named[]): Option[] =>
  entries.map((entry) => ({ value: entry.id, label: entry.name ?? entry.id }));

/** An empty first choice, for a picker where nothing is chosen yet (or none is a value). */
export const noChoice = (label: string): Option => ({ value: '', label });

/** The units a notice or an urge may address: the lead unit first, then the cooperating units. */
export const taskUnitOptions = (task: {
  leadUnit: Named | null;
  cooperatingUnits: readonly Named[];
}): Option[] => [
  ...(task.leadUnit
    ? [
        {
          value: task.leadUnit.id,
          label: `${task.leadUnit.name ?? task.leadUnit.id}（${t('leads')}）`,
        },
      ]
    : []),
  ...byName(task.cooperatingUnits),
];

/** Days the office gives a unit to answer a notice or an urge when it does not say: a week. */
const replyDays = 7;

/** The reply-by day a form proposes: a week after today (the clock's day, as the boards give it). */
export const proposedReplyBy = (today: string): string => addDays(today, replyDays);

/**
 * Makes the select `name` of an action form take several values, with
 * `selected` chosen, and answers how to read them: the form's own reading keeps
 * one value only. The select keeps its name, so a refusal naming the field is
 * still shown beside it.
 */
export const severalOf = (
  form: HTMLElement,
  name: string,
  selected: readonly string[],
): (() => string[]) => {
  const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (!select) return () => [];
  select.multiple = true;
  select.size = Math.min(8, Math.max(select.options.length, 2));
  for (const option of Array.from(select.options))
    option.selected = selected.includes(option.value);
  return () => Array.from(select.selectedOptions, (option) => option.value);
};

/**
 * The id picked in `field`; a picker left on its empty first choice is refused
 * as the server refuses an empty value, so it is shown beside the picker (the
 * server would only say the empty text is no id).
 */
export const picked = (field: string, value: unknown): string => {
  if (typeof value === 'string' && value !== '') return value;
  throw new ApiError(`${field}: must not be empty`, 'VALIDATION', field, 'must not be empty');
};
