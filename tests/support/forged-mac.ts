import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { macWritten } from '../../domain/transparency/written-event.ts';
import { loadOrCreateWriteKey } from '../../infra/keys/writer-key.ts';

/**
 * Makes the write MAC of the stored row at `position` again, as an insider who
 * holds the write key kept in `dataDir` would after changing the row.
 */
export const forgeWriteMac = (db: DatabaseSync, position: number, dataDir: string): void => {
  const row = db.prepare('SELECT * FROM events WHERE position = ?').get(position) as Record<
    string,
    string
  >;
  const metadata = JSON.parse(row.metadata ?? '{}');
  const writer = macWritten(
    {
      streamId: String(row.stream_id),
      id: String(row.event_id),
      type: String(row.type),
      version: Number(row.version),
      data: JSON.parse(String(row.data)),
      metadata,
      recordedAt: String(row.recorded_at),
    },
    loadOrCreateWriteKey(path.join(dataDir, 'event-write-key')),
  );
  db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
    JSON.stringify({ ...metadata, writer }),
    position,
  );
};
