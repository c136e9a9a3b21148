import { h } from '../core/dom.ts';
import { label } from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { actionForm, type Field } from './form.ts';
import { mutate, optional } from './mutate.ts';
import { byName, type Named, noChoice, type Option, picked, severalOf } from './office-options.ts';

/** What the assignment forms need of the task: its units and leader now. */
export interface AssignableTask {
  id: string;
  leadUnit: Named | null;
  cooperatingUnits: readonly Named[];
  responsibleLeader: string | null;
  /** 报送周期 as last assigned; absent: on milestones. */
  reportingCycle?: string;
}

const cycles = ['ON_MILESTONES', 'WEEKLY', 'MONTHLY', 'QUARTERLY'] as const;

/** 报送周期: how often the lead unit reports, in the user's words. */
const cycleOptions = (): Option[] =>
  cycles.map((cycle) => ({ value: cycle, label: label('reportingCycle', cycle) }));

/** The directory the pickers choose from, by name. */
export interface Directory {
  units: readonly Named[];
  officials: readonly Named[];
}

/** The officials by name; a leader given as free text before keeps its own entry. */
const leaderOptions = (officials: readonly Named[], current: string | null): Option[] => [
  noChoice(t('none')),
  ...byName(officials),
  ...(current && !officials.some((official) => official.id === current)
    ? [{ value: current, label: current }]
    : []),
];

/**
 * 交办: the lead unit (牵头单位), the cooperating units (配合单位, several) and the
 * responsible leader (分管领导), each picked by name; a re-assignment replaces all three.
 */
export const assignForm = (task: AssignableTask, directory: Directory, done: () => void) => {
  let cooperating = (): string[] => [];
  const form = actionForm({
    title: 'wbAssign',
    intro: h('p', { class: 'note' }, t('wbAssignHelp')),
    fields: [
      {
        name: 'leadUnitId',
        label: 'leadUnit',
        kind: 'select',
        options: [noChoice(t('wbChooseUnit')), ...byName(directory.units)],
        value: task.leadUnit?.id ?? '',
      },
      {
        name: 'cooperatingUnitIds',
        label: 'coUnits',
        kind: 'select',
        options: byName(directory.units),
      },
      {
        name: 'responsibleLeader',
        label: 'responsibleLeader',
        kind: 'select',
        options: leaderOptions(directory.officials, task.responsibleLeader),
        value: task.responsibleLeader ?? '',
      },
      {
        name: 'reportingCycle',
        label: 'reportingCycle',
        kind: 'select',
        options: cycleOptions(),
        value: task.reportingCycle ?? 'ON_MILESTONES',
      },
    ],
    submit: (values) =>
      mutate('assignTask', {
        taskId: task.id,
        leadUnitId: picked('leadUnitId', values.leadUnitId),
        cooperatingUnitIds: cooperating(),
        responsibleLeader: optional(values.responsibleLeader),
        reportingCycle: optional(values.reportingCycle),
      }),
    done,
  });
  cooperating = severalOf(
    form,
    'cooperatingUnitIds',
    task.cooperatingUnits.map((unit) => unit.id),
  );
  return form;
};

/**
 * 转办: the lead moves to another unit with the reason, from the current lead or,
 * after a return (退回), from none. The units of the task are not offered (a
 * cooperating unit becomes lead by a re-assignment), nor those in `notTo`: the
 * unit that has just given the task back.
 */
export const transferForm = (
  task: AssignableTask,
  units: readonly Named[],
  done: () => void,
  notTo: readonly string[] = [],
) =>
  actionForm({
    title: 'wbTransfer',
    fields: newLeadFields(task, units, notTo),
    submit: (values) =>
      mutate('transferTask', {
        taskId: task.id,
        toUnitId: picked('toUnitId', values.toUnitId),
        reason: values.reason,
      }),
    done,
  });

/**
 * The new lead unit and the reason: any unit but the task's own (a cooperating
 * unit becomes lead by a re-assignment) and those in `notTo`.
 */
export const newLeadFields = (
  task: Pick<AssignableTask, 'leadUnit' | 'cooperatingUnits'>,
  units: readonly Named[],
  notTo: readonly string[] = [],
): Field[] => {
  const taken = new Set([
    task.leadUnit?.id,
    ...task.cooperatingUnits.map((unit) => unit.id),
    ...notTo,
  ]);
  return [
    {
      name: 'toUnitId',
      label: 'wbToUnit',
      kind: 'select',
      options: [
        noChoice(t('wbChooseUnit')),
        ...byName(units.filter((unit) => !taken.has(unit.id))),
      ],
    },
    { name: 'reason', label: 'reason', kind: 'textarea' },
  ];
};
