import { fieldValueSql } from './filter-sql.ts';

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function quoteIdentifier(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * CREATE INDEX for one field of one collection: a partial index on the same
 * json_extract expression the queries use, then id, so a sort on that field with
 * the id tie-break can walk the index. DDL cannot take bound parameters, hence
 * the quoting; the field name is validated by `fieldValueSql`.
 */
export function createIndexSql(collection: string, field: string): string {
  if (typeof collection !== 'string' || collection.length === 0 || collection.includes('\0')) {
    throw new TypeError(`read-model collection name ${JSON.stringify(collection)} is not valid`);
  }
  const expression = fieldValueSql(field);
  // The field cannot hold a dot, so the first dot ends it and names never collide.
  const name = quoteIdentifier(`documents.${field}.${collection}`);
  return (
    `CREATE INDEX IF NOT EXISTS ${name} ON documents (${expression}, id) ` +
    `WHERE collection = ${quoteLiteral(collection)}`
  );
}
