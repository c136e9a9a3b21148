import type { DatabaseSync } from 'node:sqlite';
import { fieldValueSql } from './filter-sql.ts';

function quoteIdentifier(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * CREATE INDEX for one field of one collection: the collection, the same
 * json_extract expression the queries use, then id, so that a query on that
 * collection sorted on the field with the id tie-break walks the index and a
 * keyset page seeks into it. Partial (that collection's documents only): a
 * write to another collection does not evaluate the expression, which over every
 * document cost the projector half its throughput. DDL cannot take bound
 * parameters, hence the quoting; the field name is validated by `fieldValueSql`.
 */
export function createIndexSql(collection: string, field: string): string {
  if (typeof collection !== 'string' || collection.length === 0 || collection.includes('\0')) {
    throw new TypeError(`read-model collection name ${JSON.stringify(collection)} is not valid`);
  }
  const expression = fieldValueSql(field);
  // The field cannot hold a dot, so the first dot ends it and names never collide.
  const name = quoteIdentifier(`documents.${field}.${collection}`);
  return (
    `CREATE INDEX IF NOT EXISTS ${name} ON documents (collection, ${expression}, id) ` +
    `WHERE collection = ${quoteLiteral(collection)}`
  );
}

/** How an indexed field of a collection is remembered. */
export const indexKey = (collection: string, field: string): string => `${collection}\0${field}`;

/**
 * The fields the file holds indexes on (`indexKey`), by their names: the
 * field up to the first dot after `documents.`, the collection after it.
 */
export function indexedFields(db: DatabaseSync): Set<string> {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'documents.%'")
    .all() as { name: string }[];
  const fields = new Set<string>();
  for (const { name } of rows) {
    const rest = name.slice('documents.'.length);
    const dot = rest.indexOf('.');
    if (dot > 0) fields.add(indexKey(rest.slice(dot + 1), rest.slice(0, dot)));
  }
  return fields;
}
