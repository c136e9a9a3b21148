import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';
import { noteWritten } from '../core/written.ts';
import { actionForm, type Field, type Values } from './form.ts';
import { mutate, optional } from './mutate.ts';

/** A task's place in the plan and its span: what a sub-task takes over from its parent. */
export interface TaskSpan {
  id: string;
  title: string;
  section: string | null;
  plannedStart: string;
  dueDate: string;
}

const fields = (span: Partial<TaskSpan>): Field[] => [
  { name: 'title', label: 'wbTaskTitle', kind: 'text' },
  { name: 'description', label: 'description', kind: 'textarea' },
  { name: 'section', label: 'section', kind: 'text', value: span.section ?? '' },
  { name: 'plannedStart', label: 'plannedStart', kind: 'date', value: span.plannedStart ?? '' },
  { name: 'dueDate', label: 'dueDate', kind: 'date', value: span.dueDate ?? '' },
];

/** Registers the task and notes where it reached the log, so its page waits for it. */
const register = async (values: Values, description: string | null): Promise<string> => {
  const answer = await mutate('registerTask', {
    title: values.title,
    description,
    section: optional(values.section),
    plannedStart: values.plannedStart,
    dueDate: values.dueDate,
  });
  const registered = answer.registerTask as unknown as { id: string; position: number };
  noteWritten(registered.id, registered.position);
  return registered.id;
};

/** 登记事项: a task from one sentence of the plan; `done` gets the new task's id. */
export const registerForm = (today: string, done: (taskId: string) => void): HTMLElement => {
  let registered = '';
  return actionForm({
    title: 'wbRegister',
    fields: fields({ plannedStart: today }),
    submit: async (values) => {
      registered = await register(values, optional(values.description));
    },
    done: () => done(registered),
  });
};

/**
 * The schema has no command to split a task: a sub-task is registered on its
 * own, and its description names its parent first, in the words of the record
 * (Chinese, whatever the console's language), so a search finds it.
 */
export const parentReference = (parent: TaskSpan): string =>
  `上级事项：${parent.title}（任务编号 ${parent.id}）`;

/** 拆分: registers a sub-task of `parent` in its section and span; `done` gets its id. */
export const splitForm = (parent: TaskSpan, done: (taskId: string) => void): HTMLElement => {
  let registered = '';
  return actionForm({
    title: 'wbSplit',
    intro: h('p', { class: 'note' }, t('wbSplitHelp')),
    fields: fields(parent),
    submit: async (values) => {
      const own = optional(values.description);
      registered = await register(
        values,
        own ? `${parentReference(parent)}\n${own}` : parentReference(parent),
      );
    },
    done: () => done(registered),
  });
};
