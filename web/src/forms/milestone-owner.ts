import { t } from '../core/i18n.ts';
import { actionForm, folded } from './form.ts';
import { mutate, optional } from './mutate.ts';

/** What the owner form needs: the task's lead and cooperating units, and the milestone's owner. */
export interface OwnerFormTask {
  id: string;
  leadUnit: { id: string; name: string | null } | null;
  cooperatingUnits: readonly { id: string; name: string | null }[];
}

/** The owners a milestone may be given, its current one left out: the lead unit ('') or a co-unit. */
const ownerOptions = (task: OwnerFormTask, current: string | null) =>
  [
    { value: '', label: `${task.leadUnit?.name ?? task.leadUnit?.id ?? '—'}（${t('leads')}）` },
    ...task.cooperatingUnits.map((unit) => ({ value: unit.id, label: unit.name ?? unit.id })),
  ].filter((option) => option.value !== (current ?? ''));

/** The office gives an open milestone to a cooperating unit, or back to the lead unit. */
export const ownerForm = (
  task: OwnerFormTask,
  milestoneId: string,
  current: string | null,
  done: () => void,
) => {
  const options = ownerOptions(task, current);
  if (options.length === 0) return null;
  return folded(
    'assignMilestoneOwner',
    actionForm({
      title: 'assignMilestoneOwner',
      fields: [
        { name: 'ownerUnitId', label: 'owner', kind: 'select', options },
        { name: 'reason', label: 'reason', kind: 'textarea' },
      ],
      submit: (values) =>
        mutate('assignMilestoneOwner', {
          taskId: task.id,
          milestoneId,
          ownerUnitId: optional(values.ownerUnitId),
          reason: values.reason,
        }),
      done,
    }),
  );
};
