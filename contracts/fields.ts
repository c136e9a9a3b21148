import { z } from 'zod';
import { isIsoDate, maxDate, minDate } from './dates.ts';
import { idRule, inputLimits, limits, sha256Pattern } from './limits.ts';

/**
 * Field rules, once for every operation: the catalogue's input schemas are built
 * from these, and the deciders apply the same schemas to their commands. Messages
 * name the rule; `parseInput` adds the field from the path.
 */

/** C0 and C1 controls but tab, line feed and carriage return: matching them is the point. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule refuses control characters
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates: they make stored text read otherwise than it is. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;
/** What shows nothing: white space, format characters (zero-width ones), fillers that render blank. */
const invisible = /[\p{White_Space}\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** The rules every stored text meets, whatever its length: readable as it is, by anyone. */
const readable = (schema: z.ZodString) =>
  schema
    .refine((value) => value.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)')
    .refine(
      (value) => !controls.test(value),
      'must not contain control characters (only tab and line breaks)',
    )
    .refine(
      (value) => !bidiControls.test(value),
      'must not contain bidirectional override or isolate characters',
    );

const visible = (value: string): boolean => value.replace(invisible, '').length > 0;

/** Trimmed text, not blank, at most `max` characters, with something to see. */
export const text = (max: number) =>
  readable(
    z
      .string({ error: 'must be text' })
      .trim()
      .min(1, 'must not be empty')
      .max(max, `must be at most ${max} characters`),
  ).refine(visible, 'must contain a visible character');

/** Trimmed text or nothing: blank, null and absent all become null. */
export const optionalText = (max: number) =>
  readable(z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`))
    .refine((value) => value === '' || visible(value), 'must contain a visible character')
    .nullish()
    .transform((value) => (value ? value : null));

/** A reason, required wherever a decision can be questioned later. */
export const reason = () => text(limits.note);

/** An id: it becomes part of stream ids and URLs. */
export const id = () => z.string({ error: idRule }).regex(limits.idPattern, idRule);

const dateRule = `must be an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`;

/** A calendar day, `YYYY-MM-DD`. */
export const date = () => z.string({ error: dateRule }).refine(isIsoDate, dateRule);

/** A finite number: NaN and infinities are no measurement. */
export const finite = () => z.number({ error: 'must be a finite number' });

/**
 * An indicator's measure (a target, a baseline, a value): within ±10^12 (a
 * trillion yuan is a province's budget many times over), so no figure derived
 * from two of them overflows.
 */
export const measure = () => between(-1e12, 1e12);

/** A finite number within [min, max]. */
export const between = (min: number, max: number) => {
  const rule = `must be a number between ${min} and ${max}`;
  return z.number({ error: rule }).min(min, rule).max(max, rule);
};

/** A whole number within [min, max]. */
export const wholeBetween = (min: number, max: number) => {
  const rule = `must be a whole number between ${min} and ${max}`;
  return z.number({ error: rule }).int(rule).min(min, rule).max(max, rule);
};

/** One value of a closed list, e.g. a notice level. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/**
 * The fields of a fact a plan assumed (假定: the work report does not state
 * them), each named once; none when absent.
 */
export const assumedFields = <const T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .array(oneOf(fields), { error: 'must be a list of field names' })
    .refine((names) => new Set(names).size === names.length, 'must name each field once')
    .nullish()
    .transform((names) => names ?? []);

/** Ids of units, at most `max`, none when absent. */
export const unitIds = (max: number) =>
  z
    .array(id(), { error: 'must be a list of ids' })
    .max(max, `must list at most ${max} units`)
    .nullish()
    .transform((value) => value ?? []);

const evidenceEntry = z.object(
  {
    fileName: text(inputLimits.fileName),
    sha256: z
      .string({ error: 'must be a SHA-256 as 64 lowercase hex digits' })
      .regex(sha256Pattern, 'must be a SHA-256 as 64 lowercase hex digits'),
    size: wholeBetween(0, Number.MAX_SAFE_INTEGER),
  },
  { error: 'must be { fileName, sha256, size }' },
);

/** Evidence (佐证材料): files named by hash, at most 20; none when absent. */
export const evidence = () =>
  z
    .array(evidenceEntry, { error: 'must be a list of { fileName, sha256, size }' })
    .max(inputLimits.evidenceEntries, `must list at most ${inputLimits.evidenceEntries} files`)
    .nullish()
    .transform((value) => value ?? []);

/** A client's name for one attempt: a retry with the same key has the effect of one. */
export const idempotencyKey = z
  .string({ error: 'must be text' })
  .min(1, 'must not be empty')
  .max(limits.idempotencyKey, `must be at most ${limits.idempotencyKey} characters`)
  .nullish()
  .transform((value) => value ?? undefined);
