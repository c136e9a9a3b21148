import { z } from 'zod';
import { taskAssumptions } from '../../events/assumptions.ts';
import { clueChannels, matterKinds, proposerRatings } from '../../events/matter-sources.ts';
import {
  assumedFields,
  date,
  evidence,
  idempotencyKey,
  oneOf,
  optionalText,
  reason,
  text,
} from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, onTask, partOf, served } from '../declare.ts';

/**
 * Matters from sources other than the plan (事项来源): registered by the office,
 * answered (办理答复) by the lead unit, rated by their proposer (建议, 提案).
 */

/** The intake of a matter; which fields its kind requires is the decider's rule. */
export const matterSourceInput = z.object(
  {
    kind: oneOf(matterKinds),
    documentNumber: optionalText(limits.name),
    issuer: text(limits.name),
    issuedOn: date(),
    originalText: text(limits.description),
    channel: oneOf(clueChannels).nullish(),
  },
  { error: 'must be { kind, documentNumber, issuer, issuedOn, originalText, channel }' },
);

export const registerMatterInput = z.object({
  title: text(limits.title),
  description: optionalText(limits.description),
  section: optionalText(limits.section),
  source: matterSourceInput,
  /** Absent: the kind's time limit in the ruleset, in working days from the day issued. */
  dueDate: date().nullish(),
  assumed: assumedFields(taskAssumptions),
  idempotencyKey,
});

export const replyToSourceInput = onTask({
  text: text(limits.description),
  documentNumber: optionalText(limits.name),
  evidence: evidence(),
});

export const recordProposerEvaluationInput = onTask({
  rating: oneOf(proposerRatings),
  /** The proposer's own words (征询意见). */
  comment: reason(),
});

export const matterCommands = served('tasks', {
  registerMatter: command(office, registerMatterInput, {
    newId: { field: 'taskId', kind: 'task', answer: 'id', first: true },
    lookups: { calendars: true, ruleset: true },
  }),
  /** The lead unit answers; not once the matter is closed (办结) or while it is suspended. */
  replyToSource: command({ department_head: 'own_unit' }, replyToSourceInput, {
    newId: partOf('reply', 'replyId'),
    unitScope: 'task',
    lifecycle: ['open', 'active'],
  }),
  /** Also on a closed matter: a 不满意 reopens it. */
  recordProposerEvaluation: command(office, recordProposerEvaluationInput, {
    newId: partOf('evaluation', 'evaluationId'),
    lookups: { calendars: true, ruleset: true },
  }),
});
