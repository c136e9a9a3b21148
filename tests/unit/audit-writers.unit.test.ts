import { randomBytes } from 'node:crypto';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import { macWritten } from '../../domain/transparency/written-event.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { createWriterAudit } from '../../tools/audit/writers.ts';

/*
 * audit:check's write-MAC report over a log whose first events predate
 * authenticated writes: legacy by the heads' word where they say it, else by
 * the first authenticated event; and bounded in memory whatever the legacy run.
 */

const key = { keyId: '0123456789abcdef', secret: randomBytes(32) };
const keys = new Map([[key.keyId, key]]);

/** A stored event at `position`; a signed head when `data` has a tree size. */
const eventAt = (
  position: number,
  signed: boolean,
  data: object = { n: position },
): StoredEvent => {
  const head = 'treeSize' in data;
  const event = {
    streamId: head ? treeHeadStreamId : `s-${position}`,
    revision: 0,
    position,
    id: `e-${position}`,
    type: head ? 'TreeHeadSigned' : 'UnitRegistered',
    version: 1,
    data,
    metadata: {
      actor: { id: 'office', role: 'office' },
      correlationId: 'c',
      causationId: 'c',
      idempotencyKey: `k${position}`,
      recordedAt: '2021-03-01T00:00:00.000Z',
    },
    recordedAt: '2021-03-01T00:00:00.000Z',
  } as StoredEvent;
  return signed
    ? { ...event, metadata: { ...event.metadata, writer: macWritten(event, key) } }
    : event;
};

/** 30 legacy events, then 10 written by the system, then a head saying where legacy ends. */
const logWith = (legacyUpTo: number | null) => [
  ...Array.from({ length: 30 }, (_, i) => eventAt(i + 1, false)),
  ...Array.from({ length: 10 }, (_, i) => eventAt(i + 31, true)),
  eventAt(41, true, { treeSize: 40, ...(legacyUpTo === null ? {} : { legacyUpTo }) }),
];

const report = (events: StoredEvent[]) => {
  const audit = createWriterAudit(keys);
  for (const event of events) audit.see(event);
  return audit.report();
};

describe("audit:check's write MACs over a log with legacy events", () => {
  it('takes the events before the first authenticated one as legacy when no head says otherwise', () => {
    expect(report(logWith(null))).toEqual({
      ok: true,
      lines: [
        'write MACs: 41 events, every one written by the system (the first 30 before writes were authenticated)',
      ],
    });
  });

  it('names the unsigned events past where the heads say legacy ends', () => {
    const { ok, lines } = report(logWith(25));
    expect(ok).toBe(false);
    expect(lines[0]).toBe('write MACs: 5 events the system did not write:');
    expect(lines.slice(1).map((line) => line.trim().split(':')[0])).toEqual(
      [26, 27, 28, 29, 30].map((position) => `position ${position}`),
    );
  });
});
