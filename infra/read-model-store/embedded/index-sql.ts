import { fieldValueSql } from './filter-sql.ts';

function quoteIdentifier(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * CREATE INDEX for one field: the collection, the same json_extract expression
 * the queries use, then id, so that a query on one collection (its name a bound
 * parameter) sorted on that field with the id tie-break walks the index, and a
 * keyset page seeks into it. (A partial index per collection would need the
 * name as a literal in every query for SQLite to use it.) One index serves the
 * field in every collection. DDL cannot take bound parameters: the field name
 * is validated by `fieldValueSql`.
 */
export function createIndexSql(collection: string, field: string): string {
  if (typeof collection !== 'string' || collection.length === 0 || collection.includes('\0')) {
    throw new TypeError(`read-model collection name ${JSON.stringify(collection)} is not valid`);
  }
  const expression = fieldValueSql(field);
  const name = quoteIdentifier(`documents.${field}`);
  return `CREATE INDEX IF NOT EXISTS ${name} ON documents (collection, ${expression}, id)`;
}
