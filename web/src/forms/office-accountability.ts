import { t } from '../core/i18n.ts';
import { actionForm } from './form.ts';
import { mutate, numeric } from './mutate.ts';
import type { Named, Option } from './office-options.ts';

/** How one is held to account; the last three apply to an official only. */
const kinds = [
  'INTERVIEW',
  'ORDERED_SELF_EXAMINATION',
  'CRITICISM',
  'ADMONISHMENT',
  'WARNING',
  'DEMERIT',
] as const;

/**
 * Units and officials in one picker, by name: the value says which it is
 * (`UNIT:health`), so a refusal of `against` is shown beside it.
 */
const subjects = (units: readonly Named[], officials: readonly Named[]): Option[] => [
  ...units.map((unit) => ({
    value: `UNIT:${unit.id}`,
    label: `${t('unit')}：${unit.name ?? unit.id}`,
  })),
  ...officials.map((official) => ({
    value: `OFFICIAL:${official.id}`,
    label: `${t('wbOfficial')}：${official.name ?? official.id}`,
  })),
];

const subjectOf = (value: unknown) => {
  const text = String(value);
  const colon = text.indexOf(':');
  return { kind: text.slice(0, colon), id: text.slice(colon + 1) };
};

/**
 * 问责: holds the task's units (listed first) or any unit or official of the
 * directory to account, how and why, with the points it takes off.
 */
export const accountabilityForm = (
  task: { id: string; units: readonly Named[] },
  directory: { units: readonly Named[]; officials: readonly Named[] },
  done: () => void,
) => {
  const first = new Set(task.units.map((unit) => unit.id));
  const units = [...task.units, ...directory.units.filter((unit) => !first.has(unit.id))];
  return actionForm({
    title: 'wbAccountability',
    fields: [
      {
        name: 'against',
        label: 'wbAgainst',
        kind: 'select',
        options: subjects(units, directory.officials),
      },
      {
        name: 'kind',
        label: 'wbAccountabilityKind',
        kind: 'select',
        options: kinds.map((value) => ({ value, label: t(`wbKind_${value}`) })),
      },
      { name: 'reason', label: 'reason', kind: 'textarea' },
      {
        name: 'scoreDeduction',
        label: 'wbDeduction',
        kind: 'number',
        value: '0',
        min: 0,
        max: 100,
      },
    ],
    submit: (values) =>
      mutate('recordAccountability', {
        taskId: task.id,
        against: subjectOf(values.against),
        kind: values.kind,
        reason: values.reason,
        scoreDeduction: numeric(values.scoreDeduction),
      }),
    done,
  });
};
