import { tOf } from '../core/i18n.ts';
import type { Evidence } from './evidence.ts';
import { actionForm, folded } from './form.ts';
import { mutate, optional } from './mutate.ts';

/** 办理答复: the lead unit answers the matter's source, with its reply number and files. */
export const replyForm = (taskId: string, done: () => void) =>
  folded(
    'replyToSource',
    actionForm({
      title: 'replyToSource',
      fields: [
        { name: 'text', label: 'replyText', kind: 'textarea' },
        { name: 'documentNumber', label: 'replyNumber', kind: 'text' },
        { name: 'evidence', label: 'evidence', kind: 'file' },
      ],
      submit: (values) =>
        mutate('replyToSource', {
          taskId,
          text: values.text,
          documentNumber: optional(values.documentNumber),
          evidence: values.evidence as Evidence[],
        }),
      done,
    }),
  );

const ratings = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;

/**
 * The proposer's rating of the last answer of a 建议 or 提案, recorded by the
 * office with the proposer's words; 不满意 reopens the matter (重新办理).
 */
export const evaluationForm = (taskId: string, done: () => void) =>
  folded(
    'recordProposerEvaluation',
    actionForm({
      title: 'recordProposerEvaluation',
      fields: [
        {
          name: 'rating',
          label: 'proposerRating',
          kind: 'select',
          options: ratings.map((rating) => ({
            value: rating,
            label: tOf('proposerRating', rating),
          })),
          value: 'SATISFIED',
        },
        { name: 'comment', label: 'proposerComment', kind: 'textarea' },
      ],
      submit: (values) =>
        mutate('recordProposerEvaluation', {
          taskId,
          rating: values.rating,
          comment: values.comment,
        }),
      done,
    }),
  );
