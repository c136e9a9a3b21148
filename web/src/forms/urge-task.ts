import { t } from '../core/i18n.ts';
import { actionForm, folded } from './form.ts';
import { mutate, optional } from './mutate.ts';

/** What the urge form needs to know of the task: the units it may urge, the lead first. */
export interface UrgeFormTask {
  id: string;
  leadUnit: { id: string; name: string | null };
  cooperatingUnits: readonly { id: string; name: string | null }[];
}

const unitOptions = (task: UrgeFormTask) => [
  { value: task.leadUnit.id, label: `${task.leadUnit.name ?? task.leadUnit.id}（${t('leads')}）` },
  ...task.cooperatingUnits.map((unit) => ({ value: unit.id, label: unit.name ?? unit.id })),
];

/** 催办: the office urges the lead unit, or a cooperating unit it picks, from the task page. */
export const urgeForm = (task: UrgeFormTask, done: () => void) =>
  folded(
    'urgeTask',
    actionForm({
      title: 'urgeTask',
      fields: [
        {
          name: 'unitId',
          label: 'unit',
          kind: 'select',
          options: unitOptions(task),
          value: task.leadUnit.id,
        },
        { name: 'message', label: 'urgeMessage', kind: 'textarea' },
        { name: 'replyBy', label: 'replyDue', kind: 'date' },
      ],
      submit: (values) =>
        mutate('urgeTask', {
          taskId: task.id,
          unitId: values.unitId,
          message: values.message,
          replyBy: optional(values.replyBy),
        }),
      done,
    }),
  );
