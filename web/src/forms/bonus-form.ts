import { t } from '../core/i18n.ts';
import { actionForm, folded } from './form.ts';
import { mutate, numeric } from './mutate.ts';

/** What the bonus form needs to know of the task: the units responsible for it, the lead first. */
export interface BonusFormTask {
  id: string;
  leadUnit: { id: string; name: string | null } | null;
  cooperatingUnits: readonly { id: string; name: string | null }[];
}

const unitOptions = (task: BonusFormTask) => [
  ...(task.leadUnit
    ? [
        {
          value: task.leadUnit.id,
          label: `${task.leadUnit.name ?? task.leadUnit.id}（${t('leads')}）`,
        },
      ]
    : []),
  ...task.cooperatingUnits.map((unit) => ({ value: unit.id, label: unit.name ?? unit.id })),
];

const kinds = () => [
  { value: 'COMMENDATION', label: t('bonusKind_COMMENDATION') },
  { value: 'EARLY_COMPLETION', label: t('bonusKind_EARLY_COMPLETION') },
];

/**
 * 加分: a leader awards a responsible unit of the task bonus points, a
 * commendation or an early completion, from the task page. The ruleset's
 * bounds are the server's: a refusal names them.
 */
export const bonusForm = (task: BonusFormTask, done: () => void) => {
  const units = unitOptions(task);
  if (units.length === 0) return null;
  return folded(
    'awardBonus',
    actionForm({
      title: 'awardBonus',
      fields: [
        {
          name: 'unitId',
          label: 'bonusUnit',
          kind: 'select',
          options: units,
          value: units[0]?.value,
        },
        {
          name: 'kind',
          label: 'bonusKind',
          kind: 'select',
          options: kinds(),
          value: 'COMMENDATION',
        },
        { name: 'points', label: 'bonusPoints', kind: 'number', min: 0, max: 100 },
        { name: 'reason', label: 'bonusReason', kind: 'textarea' },
      ],
      submit: (values) =>
        mutate('awardBonus', {
          taskId: task.id,
          unitId: values.unitId,
          kind: values.kind,
          points: numeric(values.points),
          reason: values.reason,
        }),
      done,
    }),
  );
};
