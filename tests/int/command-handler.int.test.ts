import type { Actor } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { WrongExpectedRevisionError } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import type { CommandResult } from '../../services/shared/command-handler.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import {
  office,
  progress,
  registerTaskCommand,
  runTask,
  seedTask,
  tempDir,
} from '../support/int-fixtures.ts';

const temp = tempDir('command-handler');
afterAll(() => temp.remove());

let opened: EventStore[] = [];
const openStore = (path = temp.file('events.db')): EventStore => {
  const store = openSqliteEventStore({ path });
  opened.push(store);
  return store;
};
afterEach(async () => {
  for (const store of opened) await store.close();
  opened = [];
});

const start = '2021-03-01T08:00:00.000Z';

/** The error a promise rejects with; fails the test when it resolves. */
const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused, but it was accepted');
};

const expectDomainError = (error: unknown, code: string) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

/** A store whose reads and appends can be counted and whose appends can be replaced. */
const instrumented = (
  real: EventStore,
  append?: (
    ...args: Parameters<EventStore['appendToStream']>
  ) => ReturnType<EventStore['appendToStream']>,
) => {
  const calls = { readStream: 0, appendToStream: 0 };
  const store: EventStore = {
    ...real,
    readStream: (...args: Parameters<EventStore['readStream']>) => {
      calls.readStream += 1;
      return real.readStream(...args);
    },
    appendToStream: (...args) => {
      calls.appendToStream += 1;
      return (append ?? real.appendToStream)(...args);
    },
  };
  return { store, calls };
};

const blockage = (blockageId: string): TaskCommand => ({
  type: 'ReportBlockage',
  data: {
    taskId: 'task-1',
    blockageId,
    description: 'Waiting for land approval',
    waitingOnUnitId: null,
    knownUnitIds: [],
  },
});

describe('an appended event', () => {
  it('carries who, why and when in its metadata, at schema version 1', async () => {
    const store = openStore();
    const clock = settableClock(start);
    clock.set('2021-04-15T09:30:00.000Z');
    const handle = createCommandHandler({ store, clock });

    const result = await handle(taskDecider, {
      streamId: taskStreamId('task-1'),
      command: registerTaskCommand('task-1'),
      actor: office,
      correlationId: 'corr-42',
      causationId: 'request-7',
      idempotencyKey: 'key-1',
    });

    const [stored, ...rest] = await store.readStream(taskStreamId('task-1'));
    expect(rest).toEqual([]);
    expect(stored).toMatchObject({
      type: 'TaskRegistered',
      version: 1,
      revision: 0,
      position: 1,
      recordedAt: '2021-04-15T09:30:00.000Z',
      metadata: {
        actor: office,
        correlationId: 'corr-42',
        causationId: 'request-7',
        idempotencyKey: 'key-1',
        recordedAt: '2021-04-15T09:30:00.000Z',
      },
    });
    expect(result).toMatchObject({ revision: 0, position: 1, replayed: false });
    expect(result.events).toEqual([stored]);
  });

  it('gets a key of its own when the request brings none, so a repeat appends again', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    await seedTask(handle, 'task-1', { milestoneIds: ['m1'] });

    const first = await runTask(handle, progress('task-1', 'm1', 10));
    const second = await runTask(handle, progress('task-1', 'm1', 10));

    expect(second.replayed).toBe(false);
    expect(second.revision).toBe(first.revision + 1);
    const keys = (await store.readStream(taskStreamId('task-1'))).map(
      (event) => event.metadata.idempotencyKey,
    );
    expect(keys.every((key) => typeof key === 'string' && key.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('a request repeated with the same idempotency key', () => {
  it('is replayed: the same result, and the stream holds its events once', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    await seedTask(handle, 'task-1', { milestoneIds: ['m1'] });
    const before = await store.lastPosition();

    const first = await runTask(handle, progress('task-1', 'm1', 30), office, 'key-1');
    const again = await runTask(handle, progress('task-1', 'm1', 30), office, 'key-1');

    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.revision).toBe(first.revision);
    expect(again.position).toBe(first.position);
    expect(again.events.map((event) => event.position)).toEqual(
      first.events.map((event) => event.position),
    );
    expect(await store.lastPosition()).toBe(before + 1);
    const reports = (await store.readStream(taskStreamId('task-1'))).filter(
      (event) => event.type === 'MilestoneProgressReported',
    );
    expect(reports).toHaveLength(1);
  });

  it('from a different actor is a different command and appends again', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    await seedTask(handle, 'task-1');
    const colleague: Actor = { id: 'office-2', role: 'office' };

    const mine = await runTask(handle, blockage('b-1'), office, 'shared-key');
    const theirs = await runTask(handle, blockage('b-2'), colleague, 'shared-key');

    expect(mine.replayed).toBe(false);
    expect(theirs.replayed).toBe(false);
    expect(theirs.position).toBeGreaterThan(mine.position);
    const reported = (await store.readStream(taskStreamId('task-1')))
      .filter((event) => event.type === 'BlockageReported')
      .map((event) => [event.metadata.actor.id, (event.data as { blockageId: string }).blockageId]);
    expect(reported).toEqual([
      ['office-1', 'b-1'],
      ['office-2', 'b-2'],
    ]);
  });
});

describe('an idempotency key reused for another command', () => {
  it('is refused naming the key, and nothing is stored', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    await seedTask(handle, 'task-1', { milestoneIds: ['m1'] });
    await runTask(handle, progress('task-1', 'm1', 30), office, 'key-9');
    const before = await store.lastPosition();

    const error = await rejection(runTask(handle, blockage('b-1'), office, 'key-9'));

    expectDomainError(error, 'VALIDATION');
    expect((error as DomainError).details.field).toBe('idempotencyKey');
    expect((error as DomainError).message).toContain('ReportProgress');
    expect(await store.lastPosition()).toBe(before);
  });

  it('records which command each event came from', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    await seedTask(handle, 'task-1');
    await runTask(handle, blockage('b-1'), office, 'key-10');
    const [reported] = (await store.readStream(taskStreamId('task-1'))).filter(
      (event) => event.type === 'BlockageReported',
    );
    expect(reported?.metadata.command).toBe('ReportBlockage');
  });
});

describe('a retried registration', () => {
  it('returns the result of the registration that succeeded instead of refusing it', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });

    const first = await runTask(handle, registerTaskCommand('task-1'), office, 'create-1');
    const retry = await runTask(handle, registerTaskCommand('task-1'), office, 'create-1');

    expect(retry).toMatchObject({ replayed: true, revision: first.revision, position: 1 });
    expect(retry.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(await store.readStream(taskStreamId('task-1'))).toHaveLength(1);
  });

  it('is still refused as ILLEGAL_STATE when it comes with another key', async () => {
    const store = openStore();
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    await runTask(handle, registerTaskCommand('task-1'), office, 'create-1');

    const error = await rejection(
      runTask(handle, registerTaskCommand('task-1'), office, 'create-2'),
    );

    expectDomainError(error, 'ILLEGAL_STATE');
    expect(await store.readStream(taskStreamId('task-1'))).toHaveLength(1);
  });

  it('racing its first run in another process stores the task once', async () => {
    const path = temp.file('events.db');
    const handleA = createCommandHandler({ store: openStore(path), clock: settableClock(start) });
    const handleB = createCommandHandler({ store: openStore(path), clock: settableClock(start) });

    const [a, b] = await Promise.all([
      runTask(handleA, registerTaskCommand('task-1'), office, 'create-1'),
      runTask(handleB, registerTaskCommand('task-1'), office, 'create-1'),
    ]);

    expect(a.position).toBe(1);
    expect(b.position).toBe(1);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await openStore(path).readStream(taskStreamId('task-1'))).toHaveLength(1);
  });
});

describe('two processes writing to one stream in turn', () => {
  it('each decide on what the other appended since their last command', async () => {
    const path = temp.file('events.db');
    const clock = settableClock(start);
    const handleA = createCommandHandler({ store: openStore(path), clock });
    const handleB = createCommandHandler({ store: openStore(path), clock });
    await seedTask(handleA, 'task-1', { milestoneIds: ['m1'] });

    const a1 = await runTask(handleA, progress('task-1', 'm1', 20));
    const b1 = await runTask(handleB, progress('task-1', 'm1', 50));
    const a2 = await runTask(handleA, progress('task-1', 'm1', 30));

    expect(b1.events[0]?.data).toMatchObject({ percent: 50, previousPercent: 20 });
    expect(a2.events[0]?.data).toMatchObject({ percent: 30, previousPercent: 50 });
    expect([a1.revision, b1.revision, a2.revision]).toEqual([
      a1.revision,
      a1.revision + 1,
      a1.revision + 2,
    ]);
  });

  it('replays in one process a request whose first run succeeded in the other', async () => {
    const path = temp.file('events.db');
    const clock = settableClock(start);
    const handleA = createCommandHandler({ store: openStore(path), clock });
    const handleB = createCommandHandler({ store: openStore(path), clock });
    await seedTask(handleA, 'task-1', { milestoneIds: ['m1'] });
    await runTask(handleB, progress('task-1', 'm1', 10));

    const first = await runTask(handleA, progress('task-1', 'm1', 40), office, 'key-1');
    const retry = await runTask(handleB, progress('task-1', 'm1', 40), office, 'key-1');

    expect(retry).toMatchObject({
      replayed: true,
      revision: first.revision,
      position: first.position,
    });
    const reports = (await openStore(path).readStream(taskStreamId('task-1'))).filter(
      (event) => event.type === 'MilestoneProgressReported',
    );
    expect(reports).toHaveLength(2);
  });
});

describe('commands racing each other from two processes', () => {
  it('each succeed once or give up with CONFLICT, leaving a gapless stream', async () => {
    const path = temp.file('events.db');
    const clock = settableClock(start);
    const one = openStore(path);
    const two = openStore(path);
    await seedTask(createCommandHandler({ store: one, clock }), 'task-1', { milestoneIds: ['m1'] });
    const seeded = (await one.readStream(taskStreamId('task-1'))).length;
    const conflicts = { count: 0 };
    const counting = (store: EventStore): EventStore => ({
      ...store,
      appendToStream: async (...args) => {
        try {
          return await store.appendToStream(...args);
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError) conflicts.count += 1;
          throw error;
        }
      },
    });
    // Each handler has its own stream lock, as two processes would.
    const racing = [
      createCommandHandler({ store: counting(one), clock }),
      createCommandHandler({ store: counting(two), clock }),
    ];

    // Percents go up and down; each report has a note, so every one is allowed.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        runTask(racing[i % 2]!, progress('task-1', 'm1', (i * 37) % 101)),
      ),
    );

    const successes = outcomes.filter(
      (outcome): outcome is PromiseFulfilledResult<CommandResult> => outcome.status === 'fulfilled',
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expectDomainError(outcome.reason, 'CONFLICT');
    }
    expect(conflicts.count).toBeGreaterThan(0);
    expect(successes.length).toBeGreaterThan(0);

    const stream = await one.readStream(taskStreamId('task-1'));
    const reports = stream.filter((event) => event.type === 'MilestoneProgressReported');
    expect(reports).toHaveLength(successes.length);
    expect(stream.map((event) => event.revision)).toEqual(stream.map((_, index) => index));
    expect(stream).toHaveLength(seeded + successes.length);
    const positions = stream.map((event) => event.position);
    expect(positions).toEqual(positions.map((_, index) => index + 1));
    // Each success is the event stored at its revision.
    const byRevision = new Map(stream.map((event) => [event.revision, event]));
    for (const { value } of successes) {
      expect(byRevision.get(value.revision)?.id).toBe(value.events[0]?.id);
    }
    // Every decision was taken on the state the previous report left.
    let previous = 0;
    for (const report of reports) {
      const data = report.data as { percent: number; previousPercent: number };
      expect(data.previousPercent).toBe(previous);
      previous = data.percent;
    }
  });
});

describe('a stream that keeps changing under a command', () => {
  const alwaysConflicting = () => async (): Promise<never> => {
    throw new WrongExpectedRevisionError(taskStreamId('task-1'), 0, 1);
  };

  it('is tried maxAttempts times (5 by default), then refused with CONFLICT', async () => {
    const real = openStore();
    await seedTask(createCommandHandler({ store: real, clock: settableClock(start) }), 'task-1', {
      milestoneIds: ['m1'],
    });
    const { store, calls } = instrumented(real, alwaysConflicting());
    const handle = createCommandHandler({ store, clock: settableClock(start) });

    const error = await rejection(runTask(handle, progress('task-1', 'm1', 10)));

    expectDomainError(error, 'CONFLICT');
    expect(calls.appendToStream).toBe(5);
    expect(calls.readStream).toBe(5);
  });

  it('is tried exactly as often as maxAttempts says', async () => {
    const real = openStore();
    await seedTask(createCommandHandler({ store: real, clock: settableClock(start) }), 'task-1', {
      milestoneIds: ['m1'],
    });
    const { store, calls } = instrumented(real, alwaysConflicting());
    const handle = createCommandHandler({ store, clock: settableClock(start), maxAttempts: 2 });

    const error = await rejection(runTask(handle, progress('task-1', 'm1', 10)));

    expectDomainError(error, 'CONFLICT');
    expect(calls.appendToStream).toBe(2);
  });

  it('does not hold up the next command on that stream once it gave up', async () => {
    const real = openStore();
    await seedTask(createCommandHandler({ store: real, clock: settableClock(start) }), 'task-1', {
      milestoneIds: ['m1'],
    });
    let failing = true;
    const conflicting = alwaysConflicting();
    const { store } = instrumented(real, (...args) =>
      failing ? conflicting() : real.appendToStream(...args),
    );
    const handle = createCommandHandler({ store, clock: settableClock(start) });
    expectDomainError(await rejection(runTask(handle, progress('task-1', 'm1', 10))), 'CONFLICT');

    failing = false;
    const result = await runTask(handle, progress('task-1', 'm1', 20));

    expect(result.replayed).toBe(false);
    expect(result.events[0]?.data).toMatchObject({ percent: 20 });
  });

  it('that changed once is decided again on the fresh state and succeeds', async () => {
    const real = openStore();
    const clock = settableClock(start);
    await seedTask(createCommandHandler({ store: real, clock }), 'task-1', {
      milestoneIds: ['m1'],
    });
    const other = createCommandHandler({ store: real, clock });
    const colleague: Actor = { id: 'office-2', role: 'office' };
    let interfered = false;
    // Another writer reports 55% just before this command's first append, which then conflicts.
    const { store, calls } = instrumented(real, async (...args) => {
      if (!interfered) {
        interfered = true;
        await runTask(other, progress('task-1', 'm1', 55), colleague);
        const actual = (await real.readStream(taskStreamId('task-1'))).length - 1;
        throw new WrongExpectedRevisionError(taskStreamId('task-1'), actual - 1, actual);
      }
      return real.appendToStream(...args);
    });
    const handle = createCommandHandler({ store, clock });

    const result = await runTask(handle, progress('task-1', 'm1', 70));

    expect(calls.appendToStream).toBe(2);
    expect(calls.readStream).toBe(2);
    expect(result.events[0]?.data).toMatchObject({ percent: 70, previousPercent: 55 });
    const reports = (await real.readStream(taskStreamId('task-1')))
      .filter((event) => event.type === 'MilestoneProgressReported')
      .map((event) => (event.data as { percent: number }).percent);
    expect(reports).toEqual([55, 70]);
  });
});

describe('a command the decider refuses', () => {
  it('is not retried and appends nothing', async () => {
    const real = openStore();
    const { store, calls } = instrumented(real);
    const handle = createCommandHandler({ store, clock: settableClock(start) });

    const error = await rejection(runTask(handle, progress('no-such-task', 'm1', 10)));

    expectDomainError(error, 'NOT_FOUND');
    expect(calls.readStream).toBe(1);
    expect(calls.appendToStream).toBe(0);
    expect(await real.lastPosition()).toBe(0);
  });

  it('by a broken rule on an existing task is not retried either', async () => {
    const real = openStore();
    await seedTask(createCommandHandler({ store: real, clock: settableClock(start) }), 'task-1', {
      milestoneIds: ['m1'],
    });
    const before = await real.lastPosition();
    const { store, calls } = instrumented(real);
    const handle = createCommandHandler({ store, clock: settableClock(start) });

    const error = await rejection(runTask(handle, progress('task-1', 'm1', 101)));

    expectDomainError(error, 'VALIDATION');
    expect(calls.readStream).toBe(1);
    expect(calls.appendToStream).toBe(0);
    expect(await real.lastPosition()).toBe(before);
  });
});
