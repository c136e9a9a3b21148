import { h } from '../core/dom.ts';
import { t, tOf } from '../core/i18n.ts';
import { noteWritten } from '../core/written.ts';
import { actionForm, type Values } from './form.ts';
import { mutate, optional } from './mutate.ts';

/** The kinds of matter the office registers, as the API spells them. */
export const matterKinds = [
  'LEADER_INSTRUCTION',
  'MEETING_DECISION',
  'LEADER_ASSIGNMENT',
  'DEPUTY_SUGGESTION',
  'CPPCC_PROPOSAL',
  'PUBLIC_CLUE',
] as const;

const channels = ['NONE', 'HOTLINE_12345', 'INTERNET_INSPECTION'] as const;

const sourceOf = (values: Values) => ({
  kind: values.kind,
  documentNumber: optional(values.documentNumber),
  issuer: values.issuer,
  issuedOn: values.issuedOn,
  originalText: values.originalText,
  channel: values.channel === 'NONE' ? null : values.channel,
});

/**
 * 登记交办事项: a matter from a source other than the plan. Which fields its kind
 * requires is the server's rule: a refusal stands beside the field, in words.
 */
export const matterForm = (today: string, done: (taskId: string) => void): HTMLElement => {
  let registered = '';
  return actionForm({
    title: 'wbRegisterMatter',
    intro: h('p', { class: 'note' }, t('matterHelp')),
    fields: [
      {
        name: 'kind',
        label: 'taskKind',
        kind: 'select',
        options: matterKinds.map((kind) => ({ value: kind, label: tOf('taskKind', kind) })),
        value: 'LEADER_INSTRUCTION',
      },
      { name: 'title', label: 'wbTaskTitle', kind: 'text' },
      { name: 'documentNumber', label: 'documentNumber', kind: 'text' },
      { name: 'issuer', label: 'issuer', kind: 'text' },
      { name: 'issuedOn', label: 'issuedOn', kind: 'date', value: today },
      { name: 'originalText', label: 'originalText', kind: 'textarea' },
      {
        name: 'channel',
        label: 'clueChannel',
        kind: 'select',
        options: channels.map((channel) => ({
          value: channel,
          label: tOf('clueChannel', channel),
        })),
        value: 'NONE',
      },
      { name: 'dueDate', label: 'matterDueDate', kind: 'date' },
      { name: 'description', label: 'description', kind: 'textarea' },
    ],
    submit: async (values) => {
      const answer = await mutate('registerMatter', {
        title: values.title,
        description: optional(values.description),
        source: sourceOf(values),
        dueDate: optional(values.dueDate),
      });
      const matter = answer.registerMatter as unknown as { id: string; position: number };
      noteWritten(matter.id, matter.position);
      registered = matter.id;
    },
    done: () => done(registered),
  });
};
