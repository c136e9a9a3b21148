import { en } from '../i18n/en.ts';
import { type MessageKey, zh } from '../i18n/zh.ts';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const storageKey = 'dubanju.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

let current: Lang = localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';

export const lang = (): Lang => current;

/** Switches the language; the caller renders again. */
export const setLang = (next: Lang): void => {
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
};

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export const t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
  dictionaries[current][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );

/**
 * A message whose key is built from a value (`event_TaskSigned`; `light_red`
 * for the API's enum value `RED`: message keys of enum values are lower case),
 * or the value itself when unknown.
 */
export const tOf = (prefix: string, value: string | null | undefined): string => {
  const exact = `${prefix}_${value ?? 'none'}`;
  const key = exact in zh ? exact : exact.toLowerCase();
  return key in zh ? t(key as MessageKey) : String(value ?? '—');
};
