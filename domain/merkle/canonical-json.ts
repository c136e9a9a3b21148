import { validationError } from '../../contracts/errors.ts';

/**
 * The JSON Canonicalization Scheme (RFC 8785, JCS): the one byte sequence every
 * party derives from the same JSON value, so its hash can be recomputed anywhere.
 *
 * - object members sorted by their names' UTF-16 code units, no whitespace;
 * - strings escaped as `JSON.stringify` does (JCS mandates the same minimal
 *   escaping; a lone surrogate comes out as a `\udxxx` escape, so nothing is lost);
 * - numbers as ECMAScript Number-to-String (`-0` → `0`, `1e21`, `1e-7`);
 * - members whose value is `undefined` are omitted, as JSON would drop them;
 * - `toJSON()` is honoured (a `Date` becomes its ISO string).
 *
 * Throws a VALIDATION DomainError naming the path (`$.data.items[2]`) of anything
 * JSON cannot carry faithfully: non-finite numbers, bigint, functions, symbols,
 * `undefined` outside an object member, Maps and other non-plain objects, cycles.
 */
export const canonicalJson = (value: unknown): string => {
  const writer: Writer = { out: [], path: [], open: [] };
  writeValue(writer, prepare(value, ''));
  return writer.out.join('');
};

/**
 * One canonicalisation in progress. The path is kept as a stack of names and
 * indices and only spelled out for an error: hashing every event walks this code,
 * where a path string built per value would be wasted work.
 */
interface Writer {
  out: string[];
  path: (string | number)[];
  /** Arrays and objects being written, to refuse cycles (a short list: JSON is shallow). */
  open: object[];
}

/** Resolves `toJSON()` first, as JSON.stringify does. */
const prepare = (value: unknown, key: string): unknown =>
  hasToJson(value) ? value.toJSON(key) : value;

const hasToJson = (value: unknown): value is { toJSON(key: string): unknown } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { toJSON?: unknown }).toJSON === 'function';

const writeValue = (writer: Writer, value: unknown): void => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      writer.out.push(JSON.stringify(value));
      return;
    case 'number':
      writer.out.push(numberText(writer, value));
      return;
    case 'object':
      if (value === null) writer.out.push('null');
      else writeComposite(writer, value);
      return;
    default:
      throw refused(writer, `${typeof value} cannot be represented in canonical JSON`);
  }
};

const numberText = (writer: Writer, value: number): string => {
  if (!Number.isFinite(value)) throw refused(writer, 'numbers must be finite');
  // JSON.stringify is ECMAScript Number-to-String, which JCS adopts; it prints -0 as 0.
  return JSON.stringify(value);
};

const writeComposite = (writer: Writer, value: object): void => {
  if (writer.open.includes(value)) throw refused(writer, 'must not contain a cycle');
  writer.open.push(value);
  if (Array.isArray(value)) writeArray(writer, value);
  else writeObject(writer, plainObject(writer, value));
  writer.open.pop();
};

const writeArray = (writer: Writer, items: readonly unknown[]): void => {
  writer.out.push('[');
  for (let i = 0; i < items.length; i++) {
    writer.path.push(i);
    if (i > 0) writer.out.push(',');
    const item = prepare(items[i], String(i));
    if (item === undefined)
      throw refused(writer, 'undefined cannot be represented in canonical JSON');
    writeValue(writer, item);
    writer.path.pop();
  }
  writer.out.push(']');
};

const writeObject = (writer: Writer, object: Record<string, unknown>): void => {
  writer.out.push('{');
  let first = true;
  for (const name of Object.keys(object).sort(byCodeUnits)) {
    const member = prepare(object[name], name);
    if (member === undefined) continue;
    writer.path.push(name);
    writer.out.push(first ? '' : ',', JSON.stringify(name), ':');
    writeValue(writer, member);
    writer.path.pop();
    first = false;
  }
  writer.out.push('}');
};

/** RFC 8785 §3.2.3: names compare as arrays of UTF-16 code units, which `<` on strings does. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Only objects JSON round-trips: a Map or a class instance would silently lose its content. */
const plainObject = (writer: Writer, value: object): Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw refused(writer, 'must be a plain object, an array or a JSON primitive');
  }
  return value as Record<string, unknown>;
};

const refused = (writer: Writer, rule: string) => validationError(pathText(writer.path), rule);

/** `$.data.items[2]`: where in the value the offending part sits. */
const pathText = (path: readonly (string | number)[]): string =>
  path.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
    '$',
  );
