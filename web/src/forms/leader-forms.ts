import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';
import { actionForm, folded } from './form.ts';
import { mutate, numeric } from './mutate.ts';

/** 批示 on a task, from wherever the task is shown. */
export const instructionForm = (taskId: string, done: () => void) =>
  folded(
    'instruction',
    actionForm({
      title: 'issueInstruction',
      fields: [{ name: 'text', label: 'instructionText', kind: 'textarea' }],
      submit: (values) =>
        mutate('issueLeadershipInstruction', {
          taskId,
          text: values.text,
        }),
      done,
    }),
  );

/** The responsible leader's decision (决定) on a request the office forwarded: approve, or reject with a reason. */
export const extensionDecision = (taskId: string, requestId: string, done: () => void) =>
  h(
    'div',
    { class: 'decision' },
    actionForm({
      title: 'approve',
      fields: [],
      submitLabel: 'approve',
      submit: () => mutate('approveDeadlineExtension', { taskId, requestId }),
      done,
    }),
    folded(
      'reject',
      actionForm({
        title: 'reject',
        fields: [{ name: 'reason', label: 'rejectReason', kind: 'textarea' }],
        submitLabel: 'reject',
        submit: (values) =>
          mutate('rejectDeadlineExtension', {
            taskId,
            requestId,
            reason: values.reason,
          }),
        done,
      }),
    ),
  );

/** Levels above the current one: 1 分管领导, 2 主要领导. */
const higherLevels = (current: number) =>
  [
    { value: '1', label: t('level_responsible_leader') },
    { value: '2', label: t('level_main_leader') },
  ].filter((level) => Number(level.value) > current);

/** Raise a blockage to the responsible, then the main leader. */
export const escalateForm = (
  taskId: string,
  blockageId: string,
  level: number,
  done: () => void,
) => {
  const levels = higherLevels(level);
  if (levels.length === 0) return null;
  return folded(
    'escalate',
    actionForm({
      title: 'escalate',
      fields: [{ name: 'level', label: 'escalateTo', kind: 'select', options: levels }],
      submit: (values) =>
        mutate('escalateBlockage', {
          taskId,
          blockageId,
          level: numeric(values.level),
        }),
      done,
    }),
  );
};

/** The board's escalation level as the number the command takes. */
export const levelNumber = (level: string): number =>
  level === 'MAIN_LEADER' ? 2 : level === 'RESPONSIBLE_LEADER' ? 1 : 0;
