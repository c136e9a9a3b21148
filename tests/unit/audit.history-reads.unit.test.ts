import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { readPositions } from '../../services/audit/history-events.ts';
import { headsDisagreement } from '../../services/audit/self-check.ts';
import { loggedEvent } from '../support/gappy-audit-log.ts';

/** A log at `positions` that counts its reads; `leafOf` numbers its events 1… in log order. */
const countingLog = (positions: readonly number[]) => {
  const events = positions.map((position, i) => loggedEvent(position, i));
  const reads: { after: number; limit: number }[] = [];
  const store = {
    readAll: async ({ after, limit }: { after: number; limit: number }) => {
      reads.push({ after, limit });
      return events.filter((event) => event.position > after).slice(0, limit);
    },
  } as unknown as EventStore;
  const leafOf = (position: number) => {
    const index = positions.indexOf(position);
    return index < 0 ? null : index + 1;
  };
  return { store, reads, leafOf };
};

const positionsOf = (events: readonly StoredEvent[]) => events.map((event) => event.position);

describe('a page of the history read from a log with gaps', () => {
  const gappy = Array.from({ length: 60 }, (_, i) => 1000 * (i + 1) + ((i * 7919) % 997));

  it('reads events adjacent in the log in one read, as on a log without gaps', async () => {
    const page = gappy.slice(5, 55);
    const log = countingLog(gappy);
    expect(positionsOf(await readPositions(log.store, page, log.leafOf))).toEqual(page);
    expect(log.reads).toEqual([{ after: page[0]! - 1, limit: 50 }]);

    const dense = Array.from({ length: 60 }, (_, i) => i + 1);
    const denseLog = countingLog(dense);
    await readPositions(denseLog.store, dense.slice(5, 55), denseLog.leafOf);
    expect(denseLog.reads).toHaveLength(1);
  });

  it('reads once per run of adjacent events, whatever lies between the runs', async () => {
    const log = countingLog([3, 7, 8, 20, 21, 40]);
    const events = await readPositions(log.store, [7, 8, 20, 40], log.leafOf);
    expect(positionsOf(events)).toEqual([7, 8, 20, 40]);
    expect(log.reads).toEqual([
      { after: 6, limit: 3 },
      { after: 39, limit: 1 },
    ]);
  });
});

describe('the index found to disagree with a signed head', () => {
  const head = { head: { treeSize: 4, rootHash: 'aa'.repeat(32) }, position: 9100 };

  it('is reported at the last position the head covers, not at its tree size', () => {
    const found = headsDisagreement(
      [{ ...head, kind: 'signed' }],
      () => 'bb'.repeat(32),
      (treeSize) => [3, 7, 8, 20][treeSize - 1]!,
    );
    expect(found).toEqual({
      position: 20,
      what: 'the log as indexed has another root at tree size 4 than the latest signed head (recorded at position 9100): one of the first 4 events, up to position 20, was changed, removed or inserted',
    });
  });

  it('is none where the roots agree', () => {
    expect(
      headsDisagreement(
        [{ ...head, kind: 'witnessed' }],
        () => head.head.rootHash,
        () => 20,
      ),
    ).toBeNull();
  });
});
