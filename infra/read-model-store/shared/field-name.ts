const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Refuses anything but a plain top-level field name, for filters, sorts and
 * indexes alike: no paths, no operators (`$where`), nothing a query language
 * could read as more than a name. The same rule in every adapter keeps a query
 * that one adapter accepts from failing on another.
 */
export function assertFieldName(field: string): void {
  if (typeof field !== 'string' || !FIELD_NAME.test(field)) {
    throw new TypeError(
      `read-model field name ${JSON.stringify(field)} is not a plain top-level name`,
    );
  }
}
