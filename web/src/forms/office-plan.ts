import { t } from '../core/i18n.ts';
import { actionForm } from './form.ts';
import { mutate, numeric, optional } from './mutate.ts';
import { byName, type Named, noChoice } from './office-options.ts';

/** What planning needs of the task: its span and its cooperating units. */
export interface PlannableTask {
  id: string;
  dueDate: string;
  leadUnit: Named | null;
  cooperatingUnits: readonly Named[];
}

/**
 * 计划节点: a milestone within the task's span, with its weight and, when it is a
 * cooperating unit's part, that unit as its owner (else the lead unit's).
 */
export const milestoneForm = (task: PlannableTask, done: () => void) =>
  actionForm({
    title: 'wbPlanMilestone',
    fields: [
      { name: 'title', label: 'wbMilestoneTitle', kind: 'text' },
      { name: 'dueDate', label: 'dueDate', kind: 'date', value: task.dueDate },
      { name: 'weight', label: 'wbWeight', kind: 'number', value: '1', min: 0, max: 100 },
      {
        name: 'ownerUnitId',
        label: 'owner',
        kind: 'select',
        options: [
          noChoice(`${task.leadUnit?.name ?? t('leadUnit')}（${t('leads')}）`),
          ...byName(task.cooperatingUnits),
        ],
      },
    ],
    submit: (values) =>
      mutate('planMilestone', {
        taskId: task.id,
        title: values.title,
        dueDate: values.dueDate,
        weight: numeric(values.weight),
        ownerUnitId: optional(values.ownerUnitId),
      }),
    done,
  });

const comparisons = ['GTE', 'LTE', 'EQ'] as const;

/**
 * 设定指标 (实效): what is measured, in which unit, the target and how a value is
 * held against it; for a target of 约 (about) its tolerance, and for a count
 * (所, 个) that only whole numbers are reported.
 */
export const indicatorForm = (task: PlannableTask, done: () => void) =>
  actionForm({
    title: 'wbDefineIndicator',
    fields: [
      { name: 'name', label: 'wbIndicatorName', kind: 'text' },
      { name: 'unitOfMeasure', label: 'wbUnitOfMeasure', kind: 'text' },
      {
        name: 'comparison',
        label: 'wbComparison',
        kind: 'select',
        options: comparisons.map((value) => ({ value, label: t(`wbComparison_${value}`) })),
      },
      { name: 'target', label: 'target', kind: 'number' },
      { name: 'baseline', label: 'wbBaseline', kind: 'number' },
      { name: 'tolerance', label: 'wbTolerance', kind: 'number', min: 0 },
      {
        name: 'wholeNumbers',
        label: 'wbWholeNumbers',
        kind: 'select',
        options: (['false', 'true'] as const).map((value) => ({
          value,
          label: t(`wbWholeNumbers_${value}`),
        })),
      },
      { name: 'dueDate', label: 'dueDate', kind: 'date', value: task.dueDate },
    ],
    submit: (values) =>
      mutate('defineIndicator', {
        taskId: task.id,
        name: values.name,
        unitOfMeasure: values.unitOfMeasure,
        comparison: values.comparison,
        target: numeric(values.target),
        baseline: numeric(values.baseline),
        tolerance: numeric(values.tolerance),
        wholeNumbers: values.wholeNumbers === 'true',
        dueDate: values.dueDate,
      }),
    done,
  });
