import { actionForm, folded } from './form.ts';
import { mutate } from './mutate.ts';

/** 解决堵点: the unit held up (which reported it), a leader or the office says how it was resolved. */
export const resolveForm = (taskId: string, blockageId: string, done: () => void) =>
  folded(
    'resolveBlockage',
    actionForm({
      title: 'resolveBlockage',
      fields: [{ name: 'resolution', label: 'resolution', kind: 'textarea' }],
      submit: (values) =>
        mutate('resolveBlockage', {
          taskId,
          blockageId,
          resolution: values.resolution,
        }),
      done,
    }),
  );

/** The unit a blockage waits on says its part is done; the unit held up then resolves it. */
export const partDoneForm = (taskId: string, blockageId: string, done: () => void) =>
  folded(
    'declarePartDone',
    actionForm({
      title: 'declarePartDone',
      fields: [{ name: 'note', label: 'partDoneNote', kind: 'textarea' }],
      submit: (values) =>
        mutate('declareBlockagePartDone', {
          taskId,
          blockageId,
          note: values.note,
        }),
      done,
    }),
  );
