import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAuditDatabase } from '../../services/audit/schema.ts';
import { openAuditRecord } from '../../tools/audit/audit-store.ts';

/*
 * The offline check reads an audit record beside a SQLite log, whose leaf n is
 * position n. A record that keeps positions apart from its leaves indexed a log
 * with gaps: it is said so, and not taken for this log's.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-audit-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An audit database with two leaves, `sql` run on it after the schema. */
const recordWith = (name: string, sql: string): string => {
  const file = path.join(dir, `${name}.sqlite`);
  const db = openAuditDatabase(file);
  const leaf = db.prepare('INSERT INTO leaves (position, hash) VALUES (?, ?)');
  leaf.run(1, Buffer.alloc(32, 1));
  leaf.run(2, Buffer.alloc(32, 2));
  db.exec(sql);
  db.close();
  return file;
};

describe('openAuditRecord', () => {
  it('says a record with leaf positions numbers its leaves apart from the positions', () => {
    const record = openAuditRecord(
      recordWith('apart', 'INSERT INTO leaf_positions (leaf, position) VALUES (2, 7)'),
    );
    expect(record?.leavesApartFromPositions).toBe(true);
    expect(record?.leaves.has(1)).toBe(true);
    record?.close();
  });

  it('takes a record without leaf positions, or from before the table, as numbered by position', () => {
    for (const [name, sql] of [
      ['dense', ''],
      ['older', 'DROP TABLE leaf_positions'],
    ] as const) {
      const record = openAuditRecord(recordWith(name, sql));
      expect(record?.leavesApartFromPositions).toBe(false);
      record?.close();
    }
  });
});
