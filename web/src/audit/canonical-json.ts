/**
 * RFC 8785 (JCS) canonical JSON, the bytes the audit log hashes and signs: object
 * members sorted by UTF-16 code units, no whitespace, strings and numbers as
 * ECMAScript writes them. A second, independent reading of the contract the
 * server's `domain/merkle/canonical-json.ts` implements, for the browser.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error('canonical JSON: numbers must be finite');
    }
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonical JSON: ${typeof value} has no JSON form`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.keys(value)
    .filter((name) => (value as Record<string, unknown>)[name] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      (name) =>
        `${JSON.stringify(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`,
    );
  return `{${members.join(',')}}`;
};
