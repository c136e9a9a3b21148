import path from 'node:path';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { createAuditIndexer } from '../../services/audit/indexer.ts';
import { openAuditDatabase } from '../../services/audit/schema.ts';
import { createTreeStore } from '../../services/audit/tree-store.ts';
import { logTailRefusal } from '../../system/log-tail.ts';
import { testEvent } from '../conformance/event-store.conformance.ts';
import { tempDir } from '../support/int-fixtures.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';

const temp = tempDir('log-tail-sparse');
afterAll(() => temp.remove());

/** A sparse log of `count` events in `dir`, its audit index caught up with the first `indexed`. */
const logWithIndex = async (dir: string, count: number, indexed: number) => {
  const eventStore = sparseEventStore(openSqliteEventStore({ path: path.join(dir, 'log.sqlite') }));
  for (let k = 0; k < count; k++) {
    await eventStore.appendToStream(`unit-${k}`, [testEvent()], { expectedRevision: 'no_stream' });
  }
  if (indexed > 0) {
    const tree = createTreeStore(openAuditDatabase(path.join(dir, 'audit.sqlite')));
    await createAuditIndexer({ eventStore, tree, batchSize: indexed }).step();
    tree.close();
  }
  return eventStore;
};

describe('the log-tail check over a log whose positions have gaps', () => {
  it('refuses writes when the audit index holds positions the log no longer has', async () => {
    const dir = temp.file('cut');
    const full = await logWithIndex(dir, 5, 5);
    const indexedUpTo = await full.lastPosition();
    await full.close();
    // The log as an older backup has it: its first three events only.
    const backup = await logWithIndex(temp.file('backup'), 3, 0);
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    const refusal = await logTailRefusal({ dataDir: dir }, { eventStore: backup, readModels });
    expect(refusal).toContain(`the audit index holds events up to position ${indexedUpTo}`);
    expect(refusal).toContain(`the event log ends at position ${await backup.lastPosition()}`);
    await backup.close();
    await readModels.close();
  });

  it('takes writes when the log holds every position the audit index does', async () => {
    const dir = temp.file('whole');
    const eventStore = await logWithIndex(dir, 4, 3);
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    expect(await logTailRefusal({ dataDir: dir }, { eventStore, readModels })).toBeNull();
    await eventStore.close();
    await readModels.close();
  });
});
