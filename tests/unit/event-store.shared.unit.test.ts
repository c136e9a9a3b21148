import {
  assertAppendable,
  assertFromRevision,
  assertPage,
} from '../../infra/event-store/shared/batch.ts';
import { coalesced } from '../../infra/event-store/shared/coalesced.ts';
import { priorAppendResult } from '../../infra/event-store/shared/prior-append.ts';
import { testEvent } from '../conformance/event-store.conformance.ts';

describe('a batch about to be appended', () => {
  it('passes when it has events with distinct ids and JSON data', () => {
    expect(() => assertAppendable('task-1', [testEvent(), testEvent()], 'no_stream')).not.toThrow();
    expect(() => assertAppendable('task-1', [testEvent()], 7)).not.toThrow();
  });

  it('is refused when empty', () => {
    expect(() => assertAppendable('task-1', [], 'any')).toThrow(/empty batch/);
  });

  it('is refused without a stream id', () => {
    expect(() => assertAppendable('', [testEvent()], 'any')).toThrow(/stream id/);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 60])('is refused expecting revision %s', (expected) => {
    expect(() => assertAppendable('task-1', [testEvent()], expected)).toThrow(/not a revision/);
  });

  it('is refused expecting something that is not a revision at all', () => {
    const expected = 'stream_exists' as unknown as 'any';
    expect(() => assertAppendable('task-1', [testEvent()], expected)).toThrow(/not a revision/);
  });

  it('is refused holding one id twice', () => {
    const event = testEvent();
    expect(() => assertAppendable('task-1', [event, event], 'any')).toThrow(/same event id twice/);
  });

  it('is refused when data cannot be written as JSON', () => {
    const event = testEvent({ data: undefined });
    expect(() => assertAppendable('task-1', [event], 'any')).toThrow(/not JSON-serialisable/);
  });
});

describe('the bounds of a read', () => {
  it('accept whole numbers from 0', () => {
    expect(() => assertFromRevision(0)).not.toThrow();
    expect(() => assertPage(0, 0)).not.toThrow();
    expect(() => assertPage(10, 500)).not.toThrow();
  });

  it('refuse negative or fractional numbers', () => {
    expect(() => assertFromRevision(-1)).toThrow(/fromRevision/);
    expect(() => assertFromRevision(0.5)).toThrow(/fromRevision/);
    expect(() => assertPage(0, -1)).toThrow(/limit/);
    expect(() => assertPage(-1, 5)).toThrow(/after/);
    expect(() => assertPage(1.5, 5)).toThrow(/after/);
  });
});

describe('an append whose ids may already be stored', () => {
  const batch = [testEvent(), testEvent()];

  it('is new when none of its ids is stored', () => {
    expect(priorAppendResult('task-1', batch, [undefined, undefined])).toBeUndefined();
  });

  it('gives the original result when all of them are in this stream', () => {
    const places = [
      { streamId: 'task-1', revision: 3, position: 10 },
      { streamId: 'task-1', revision: 4, position: 12 },
    ];
    expect(priorAppendResult('task-1', batch, places)).toEqual({
      nextRevision: 4,
      positions: [10, 12],
      duplicate: true,
    });
  });

  it('is refused when an id is stored in another stream', () => {
    const places = [undefined, { streamId: 'task-2', revision: 0, position: 1 }];
    expect(() => priorAppendResult('task-1', batch, places)).toThrow(
      `event ${batch[1]!.id} is already stored in stream task-2, not task-1`,
    );
  });

  it('is refused when only part of it is stored', () => {
    const places = [{ streamId: 'task-1', revision: 0, position: 1 }, undefined];
    expect(() => priorAppendResult('task-1', batch, places)).toThrow(
      "stream task-1: 1 of the batch's 2 event ids are already stored",
    );
  });
});

/** A piece of work that finishes when the test says so. */
function controllable() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const work = () =>
    new Promise<void>((finish) => {
      runs += 1;
      finishers.push(finish);
    });
  return {
    work,
    runs: () => runs,
    finish: async (run: number) => {
      finishers[run - 1]!();
      await new Promise((wake) => setImmediate(wake));
    },
  };
}

describe('work run for concurrent callers', () => {
  it('starts at once when nothing runs', async () => {
    const { work, runs, finish } = controllable();
    const run = coalesced(work);
    const first = run();
    expect(runs()).toBe(1);
    await finish(1);
    await expect(first).resolves.toBeUndefined();
  });

  it('gives every caller arriving during a run one shared run after it', async () => {
    const { work, runs, finish } = controllable();
    const run = coalesced(work);
    let settled = 0;
    const first = run().then(() => settled++);
    const later = [run(), run(), run()].map((p) => p.then(() => settled++));
    expect(runs()).toBe(1);

    await finish(1);
    expect(settled).toBe(1);
    expect(runs()).toBe(2);

    await finish(2);
    await Promise.all([first, ...later]);
    expect(settled).toBe(4);
    expect(runs()).toBe(2);
  });

  it('fails only the callers of a failed run', async () => {
    let attempt = 0;
    const run = coalesced(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('first run fails');
    });
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('first run fails');
    await expect(second).resolves.toBeUndefined();
    await expect(run()).resolves.toBeUndefined();
    expect(attempt).toBe(3);
  });
});
