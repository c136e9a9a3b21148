import { t } from '../core/i18n.ts';
import { can, canAsLeaderOf } from '../core/session.ts';
import { actionForm, folded } from './form.ts';
import { extensionDecision } from './leader-forms.ts';
import { mutate } from './mutate.ts';

/** A request as any view lists it: its id and where it stands, as the API spells it. */
export interface ExtensionStep {
  requestId: string;
  /** REQUESTED (task page) or PENDING (boards): awaiting the office's review; FORWARDED: the leader's. */
  status: string;
}

/** 初审: the office forwards the request to the responsible leader, or refuses it, with its comment. */
export const reviewForm = (taskId: string, requestId: string, done: () => void) =>
  folded(
    'reviewExtension',
    actionForm({
      title: 'reviewExtension',
      fields: [
        {
          name: 'forward',
          label: 'reviewOutcome',
          kind: 'select',
          options: [
            { value: 'true', label: t('extForward') },
            { value: 'false', label: t('extDecline') },
          ],
        },
        { name: 'comment', label: 'reviewComment', kind: 'textarea' },
      ],
      submit: (values) =>
        mutate('reviewDeadlineExtension', {
          taskId,
          requestId,
          forward: values.forward === 'true',
          comment: values.comment,
        }),
      done,
    }),
  );

const awaitsReview = (status: string) => status === 'REQUESTED' || status === 'PENDING';

/**
 * The next step the user may take on a request, if any: the office reviews a
 * new one (初审); the task's responsible leader, only, decides a forwarded one.
 */
export const extensionStepForm = (
  task: { taskId: string; responsibleLeader: string | null },
  extension: ExtensionStep,
  done: () => void,
): HTMLElement | null => {
  if (awaitsReview(extension.status) && can('reviewDeadlineExtension')) {
    return reviewForm(task.taskId, extension.requestId, done);
  }
  if (
    extension.status === 'FORWARDED' &&
    canAsLeaderOf('approveDeadlineExtension', task.responsibleLeader)
  ) {
    return extensionDecision(task.taskId, extension.requestId, done);
  }
  return null;
};
