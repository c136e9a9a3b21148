import { announceAfterRender } from '../core/announce.ts';
import { ApiError } from '../core/api.ts';
import { type Child, h, uid } from '../core/dom.ts';
import { type MessageKey, t } from '../core/i18n.ts';
import { errorText, ruleText } from '../core/messages.ts';
import { type Evidence, evidenceOf } from './evidence.ts';

/** One input of a form; `name` is the input field the server names in its errors. */
export interface Field {
  name: string;
  label: MessageKey;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'file';
  options?: readonly { value: string; label: string }[];
  value?: string;
  min?: number;
  max?: number;
}

/** What the fields hold when the form is sent: text, or for a file its evidence. */
export type Values = Record<string, string | Evidence[]>;

interface Rendered {
  row: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  message: HTMLElement;
}

const controlOf = (field: Field, id: string, messageId: string) => {
  const common = { id, name: field.name, 'aria-describedby': messageId };
  switch (field.kind) {
    case 'textarea':
      return h('textarea', { ...common, rows: 3 }, field.value ?? '');
    case 'select':
      return h(
        'select',
        common,
        (field.options ?? []).map((option) =>
          h(
            'option',
            { value: option.value, selected: option.value === field.value },
            option.label,
          ),
        ),
      );
    case 'file':
      return h('input', { ...common, type: 'file' });
    case 'text':
    case 'number':
    case 'date':
      return h('input', {
        ...common,
        type: field.kind,
        value: field.value ?? '',
        min: field.min,
        max: field.max,
      });
    default: {
      const _exhaustive: never = field.kind;
      throw new Error(`unknown field kind ${String(_exhaustive)}`);
    }
  }
};

const renderField = (field: Field): Rendered => {
  const id = uid(field.name);
  const messageId = `${id}-message`;
  const control = controlOf(field, id, messageId);
  const message = h('span', { id: messageId, class: 'field-error', role: 'alert' });
  const row = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(field.label)),
    control,
    message,
  );
  return { row, control, message };
};

/**
 * The field an error speaks of: `input.percent` and `percent` both name
 * `percent`. A request the console got wrong (GRAPHQL_VALIDATION) is no field's
 * fault, and is shown above the form.
 */
const fieldOfError = (error: ApiError, names: readonly string[]): string | null => {
  if (!error.field || error.code === 'GRAPHQL_VALIDATION') return null;
  const parts = error.field.split('.');
  return parts.reverse().find((part) => names.includes(part)) ?? null;
};

const valuesOf = async (fields: readonly Field[], rendered: Map<string, Rendered>) => {
  const values: Values = {};
  for (const field of fields) {
    const control = rendered.get(field.name)!.control;
    if (field.kind === 'file') {
      const files = Array.from((control as HTMLInputElement).files ?? []);
      values[field.name] = await Promise.all(files.map(evidenceOf));
    } else {
      values[field.name] = control.value;
    }
  }
  return values;
};

/**
 * A form that sends `submit(values)`, then shows the server's verdict: a refusal
 * naming a field appears beside that field (its message, `aria-invalid`), any
 * other refusal at the top of the form; success calls `done`.
 */
export const actionForm = (options: {
  title: MessageKey;
  fields: readonly Field[];
  submitLabel?: MessageKey;
  submit: (values: Values) => Promise<unknown>;
  done: () => void;
  intro?: Child;
}): HTMLElement => {
  const rendered = new Map(options.fields.map((field) => [field.name, renderField(field)]));
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, t(options.submitLabel ?? 'submit'));
  const clear = () => {
    status.textContent = '';
    status.className = 'form-status';
    for (const { control, message } of rendered.values()) {
      message.textContent = '';
      control.removeAttribute('aria-invalid');
    }
  };
  const refuse = (error: unknown) => {
    const apiError =
      error instanceof ApiError ? error : new ApiError(String(error), 'INTERNAL', null);
    const name = fieldOfError(apiError, [...rendered.keys()]);
    const target = name ? rendered.get(name) : undefined;
    if (target) {
      target.message.textContent = apiError.rule ? ruleText(apiError.rule) : errorText(apiError);
      target.control.setAttribute('aria-invalid', 'true');
      target.control.focus();
    }
    // Beside the field its rule; above, the field's own label with it.
    const label = options.fields.find((field) => field.name === name)?.label;
    status.textContent =
      target && label && apiError.rule
        ? `${t('errorPrefix')}${t(label)}：${ruleText(apiError.rule)}`
        : `${t('errorPrefix')}${errorText(apiError)}`;
    status.className = 'form-status error';
  };
  const form = h(
    'form',
    {
      class: 'action-form',
      novalidate: true,
      'data-form': options.title,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        clear();
        button.disabled = true;
        status.textContent = t('submitting');
        try {
          await options.submit(await valuesOf(options.fields, rendered));
          status.textContent = t('done');
          status.className = 'form-status ok';
          announceAfterRender(`${t(options.title)}：${t('done')}`);
          options.done();
        } catch (error) {
          refuse(error);
        } finally {
          button.disabled = false;
        }
      },
    },
    h('h4', {}, t(options.title)),
    options.intro,
    [...rendered.values()].map((field) => field.row),
    button,
    status,
  );
  return form;
};

/** A form folded under its title until opened: many stand on one page. */
export const folded = (title: MessageKey, form: HTMLElement): HTMLElement =>
  h('details', { class: 'fold' }, h('summary', {}, t(title)), form);
