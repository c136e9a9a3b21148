import { ApiError } from '../core/api.ts';
import { t } from '../core/i18n.ts';
import type { UnitName } from '../views/lookups.ts';
import { actionForm, type Field, type Values } from './form.ts';
import { mutate, numeric } from './mutate.ts';

/** How many sub-tasks one form offers: a split of more is sent again with the rest. */
const rowsOffered = 3;

const rowFields = (index: number, units: readonly UnitName[], dueDate: string): Field[] => [
  {
    name: `unit${index}`,
    label: 'subTaskUnit',
    kind: 'select',
    // The first row names a sub-unit; the others may be left empty.
    options: [
      ...(index === 0 ? [] : [{ value: '', label: '—' }]),
      ...units.map((unit) => ({ value: unit.id, label: unit.name ?? unit.id })),
    ],
  },
  { name: `title${index}`, label: 'subTaskTitle', kind: 'text' },
  { name: `due${index}`, label: 'subTaskDue', kind: 'date', value: dueDate },
  { name: `weight${index}`, label: 'subTaskWeight', kind: 'number', min: 1, max: 100, value: '1' },
];

/** The rows with a unit chosen: the server numbers the sub-tasks in this order. */
const chosenRows = (values: Values, rows: number): number[] =>
  Array.from({ length: rows }, (_, index) => index).filter((index) => values[`unit${index}`]);

/** The sub-tasks the rows name: those with a unit chosen. */
const subTasksOf = (values: Values, chosen: readonly number[]) =>
  chosen.map((index) => ({
    unitId: values[`unit${index}`],
    title: values[`title${index}`],
    dueDate: values[`due${index}`],
    weight: numeric(values[`weight${index}`]),
  }));

/** Each sub-task's input field, and the row control that holds it. */
const controlOf: Readonly<Record<string, string>> = {
  unitId: 'unit',
  title: 'title',
  dueDate: 'due',
  weight: 'weight',
};

/**
 * A refusal of the n-th sub-task's field (`subTasks[1].dueDate`, or
 * `input.subTasks.1.dueDate` as the schema names it) told of the row's own
 * control (`due2` when the second sub-task is the third row), so that it
 * stands beside that field; any other refusal as it came.
 */
export const onRow = (error: unknown, chosen: readonly number[]): unknown => {
  if (!(error instanceof ApiError) || !error.field) return error;
  const match = /subTasks(?:\[(\d+)\]|\.(\d+))\.(\w+)$/.exec(error.field);
  const row = match ? chosen[Number(match[1] ?? match[2])] : undefined;
  const control = match ? controlOf[match[3] ?? ''] : undefined;
  if (row === undefined || control === undefined) return error;
  return new ApiError(error.message, error.code, `${control}${row}`, error.rule);
};

/**
 * 分解交办: the lead unit's head (or the office) hands parts of the task to the
 * units below the lead unit — a sub-unit, a title, a due date and a weight each.
 */
export const splitTaskForm = (
  task: { id: string; dueDate: string },
  subUnits: readonly UnitName[],
  done: () => void,
) => {
  const rows = Math.min(rowsOffered, subUnits.length);
  return actionForm({
    title: 'splitTask',
    intro: t('splitTaskHelp'),
    fields: Array.from({ length: rows }, (_, index) =>
      rowFields(index, subUnits, task.dueDate),
    ).flat(),
    submit: async (values) => {
      const chosen = chosenRows(values, rows);
      try {
        return await mutate('splitTask', { taskId: task.id, subTasks: subTasksOf(values, chosen) });
      } catch (error) {
        throw onRow(error, chosen);
      }
    },
    done,
  });
};
