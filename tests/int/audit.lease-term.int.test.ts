import { generateKeyPairSync } from 'node:crypto';
import type { TreeHead } from '../../contracts/events/index.ts';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import { createTreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { signingKeyOf } from '../../infra/keys/signing-key.ts';
import { createAuditIndexer } from '../../services/audit/indexer.ts';
import { openAuditDatabase } from '../../services/audit/schema.ts';
import { createTreeHeadSigner } from '../../services/audit/tree-head-signer.ts';
import { createTreeStore } from '../../services/audit/tree-store.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import { registerUnit, tempDir } from '../support/int-fixtures.ts';

/*
 * Two audit nodes on two hosts: each its own audit index, one event log, one
 * signing key. Both believe they hold the `audit` lease, as after a pause past
 * its time: the one under the older term must not record a head after the other.
 */

const temp = tempDir('audit-lease-term');
afterAll(() => temp.remove());

const key = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const clock = settableClock('2021-03-01T08:00:00.000Z');

const auditNode = (eventStore: EventStore) => {
  const tree = createTreeStore(openAuditDatabase(':memory:'));
  const handle = createCommandHandler({ store: eventStore, clock });
  const signer = createTreeHeadSigner({
    tree,
    indexer: createAuditIndexer({ eventStore, tree, batchSize: 100 }),
    heads: createTreeHeadIndex(eventStore),
    key,
    clock,
    handle,
    onAppended: () => {},
  });
  const sign = (term: number) =>
    signer.sign({ correlationId: 'audit-count', causationId: 'schedule', term });
  return { tree, handle, sign };
};

describe('heads signed under the audit lease', () => {
  it("refuses the old holder's head once the new holder has signed, recording nothing", async () => {
    const eventStore = openSqliteEventStore({ path: temp.file('events.db') });
    const old = auditNode(eventStore);
    const next = auditNode(eventStore);
    try {
      await registerUnit(old.handle, 'edu');
      expect((await old.sign(1)).treeSize).toBe(1);
      await registerUnit(old.handle, 'health');
      expect((await next.sign(2)).treeSize).toBe(3);
      await registerUnit(old.handle, 'police');

      await expect(old.sign(1)).rejects.toMatchObject({
        code: 'ILLEGAL_STATE',
        details: { field: 'leaseTerm' },
        message: 'the audit lease term 1 is stale: a head was signed under term 2',
      });
      const heads = await eventStore.readStream(treeHeadStreamId);
      expect(
        heads.map(({ data }) => [(data as TreeHead).treeSize, (data as TreeHead).leaseTerm]),
      ).toEqual([
        [1, 1],
        [3, 2],
      ]);
      // The new holder goes on.
      expect((await next.sign(2)).treeSize).toBe(5);
    } finally {
      old.tree.close();
      next.tree.close();
      await eventStore.close();
    }
  });
});
