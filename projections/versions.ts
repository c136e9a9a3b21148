/**
 * How a collection keeps the versions of its documents by day: lists that are
 * only ever appended to are kept as their length, and read back as that much
 * of the document's list as it stands later (its documents are never removed).
 */
export type Temporal = true | { appendOnly: readonly string[] };

/** The lists of `temporal` kept as lengths. */
export const appendOnlyOf = (temporal: Temporal | undefined): readonly string[] =>
  temporal === undefined || temporal === true ? [] : temporal.appendOnly;

type Doc = Record<string, unknown>;

/** The version to keep of `doc`: each append-only list as its length. */
export const trimmed = (doc: Doc, appendOnly: readonly string[]): Doc => {
  if (appendOnly.length === 0) return doc;
  const version = { ...doc };
  for (const field of appendOnly) {
    const list = doc[field];
    if (Array.isArray(list)) version[field] = list.length;
  }
  return version;
};

/**
 * A kept version made whole again from `later`, the same document as it
 * stands after it: each list kept as a length is that much of the later list.
 */
export const restored = (version: Doc, later: Doc | undefined, appendOnly: readonly string[]) => {
  if (appendOnly.length === 0) return version;
  const doc = { ...version };
  for (const field of appendOnly) {
    const length = version[field];
    if (typeof length !== 'number') continue;
    const list = later?.[field];
    if (!Array.isArray(list) || list.length < length) {
      throw new Error(`no later ${field} of ${String(version.id)} to restore its version from`);
    }
    doc[field] = list.slice(0, length);
  }
  return doc;
};
