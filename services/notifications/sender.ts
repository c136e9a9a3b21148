import type { Actor } from '../../contracts/actor.ts';
import type { NotificationChannel, NotificationEvent } from '../../contracts/events/index.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import { notificationStreamId } from '../../contracts/streams.ts';
import {
  type BackoffPolicy,
  backoffDefaults,
  failureRecorded,
  retryDelayMs,
} from '../../domain/notifications/backoff.ts';
import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import { isQuiet, type QuietHours } from '../../domain/notifications/quiet-hours.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { NotificationPort } from '../../infra/notify/port.ts';
import type { Filter, ReadModelStore } from '../../infra/read-model-store/port.ts';
import type { CommandHandler } from '../shared/command-handler.ts';
import { notificationDecider } from './domain/decider.ts';
import { queueCollection } from './queue.ts';

/** Who records deliveries and failures: the sender, not a person. */
export const senderActor: Actor = Object.freeze({ id: 'notifier', role: 'system' });

export interface SenderOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  handle: CommandHandler;
  clock: Clock;
  /** The channels configured; a notification on another waits, visible, until one is. */
  channels: Partial<Record<NotificationChannel, NotificationPort>>;
  quietHours: QuietHours | null;
  backoff?: BackoffPolicy;
  /** A failure is recorded as a fact at the first attempt and every this many (default 5). */
  recordFailureEvery?: number;
  /** Notifications sent at once. */
  concurrency: number;
  /** Rows looked at per round (default 200). */
  batchSize?: number;
  random?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Attempts not recorded as facts yet, kept by the sender between two records,
 * with the row's `nextAttemptAt` values they stand for: the one it saw, and the
 * one its last failure record will give the row once the queue has read it.
 */
type Attempts = { attempts: number; dueAt: number; rowDueAts: readonly string[] };

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Sends the due notifications of the queue, each through its channel, and
 * records what became of it in its own stream. A notification whose stream says
 * delivered is never sent again (looked at before every send). A crash after a
 * channel accepted a message and before its delivery is recorded sends it once
 * more at the next start: at-least-once at the channel, so each message carries
 * its notification id (the e-mail's Message-ID, the robots' text, the SMS
 * gateway's `id`) for the receiver to drop the repeat.
 */
export const createSender = (options: SenderOptions) => {
  const { readModels, clock, channels } = options;
  const backoff = options.backoff ?? backoffDefaults;
  const every = options.recordFailureEvery ?? 5;
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 200;
  const configured = Object.keys(channels) as NotificationChannel[];
  /** Recorded delivered by this process: the queue row follows a moment later. */
  const delivered = new Set<string>();
  const pending = new Map<string, Attempts>();
  let running: Promise<number> | null = null;
  let again = false;

  const attemptsOf = (row: QueuedNotification): Attempts => {
    const kept = pending.get(row.id);
    if (kept?.rowDueAts.includes(row.nextAttemptAt)) return kept;
    // A fact the sender did not write (the office's retry), or a restart: the row wins.
    return {
      attempts: row.attempts,
      dueAt: Date.parse(row.nextAttemptAt),
      rowDueAts: [row.nextAttemptAt],
    };
  };

  const record = (
    row: QueuedNotification,
    command: Parameters<typeof notificationDecider.decide>[0],
    key: string,
  ) =>
    options.handle(notificationDecider, {
      streamId: notificationStreamId(row.id),
      command,
      actor: senderActor,
      correlationId: row.sourceEventId,
      causationId: row.sourceEventId,
      idempotencyKey: key,
    });

  const alreadyDelivered = async (id: string): Promise<boolean> => {
    if (delivered.has(id)) return true;
    // The notification's own record, folded as its decider folds it.
    const events = await options.eventStore.readStream(notificationStreamId(id));
    const { evolve, initialState } = notificationDecider;
    const state = events.reduce(
      (folded, stored) => evolve(folded, toDomainEvent<NotificationEvent>(stored)),
      initialState(),
    );
    if (state.delivered) delivered.add(id);
    return state.delivered;
  };

  const sendOne = async (row: QueuedNotification, port: NotificationPort, nowMs: number) => {
    if (await alreadyDelivered(row.id)) return;
    const channel = row.channel as NotificationChannel;
    const before = attemptsOf(row);
    const attempts = before.attempts + 1;
    try {
      await port.send({
        id: row.id,
        address: row.address!,
        unitId: row.unitId,
        subject: row.subject,
        text: row.text,
        urgent: row.urgent,
      });
    } catch (error) {
      const dueAt = nowMs + retryDelayMs(attempts, random(), backoff);
      const nextAttemptAt = new Date(dueAt).toISOString();
      const seen = row.nextAttemptAt;
      pending.set(row.id, { attempts, dueAt, rowDueAts: [...before.rowDueAts.slice(-3), seen] });
      if (failureRecorded(attempts, every)) {
        await record(
          row,
          {
            type: 'RecordDeliveryFailure',
            data: {
              notificationId: row.id,
              channel,
              attempts,
              error: messageOf(error),
              nextAttemptAt,
            },
          },
          `failed-${attempts}`,
        );
        pending.set(row.id, { attempts, dueAt, rowDueAts: [seen, nextAttemptAt] });
      }
      return;
    }
    delivered.add(row.id);
    pending.delete(row.id);
    await record(
      row,
      { type: 'RecordDelivery', data: { notificationId: row.id, channel, attempts } },
      'delivered',
    );
  };

  /** The due rows, oldest due first, that a configured channel can take now. */
  const dueRows = async (now: string, nowMs: number): Promise<QueuedNotification[]> => {
    if (configured.length === 0) return [];
    const filter: Filter = {
      status: { $in: ['pending', 'failed'] },
      nextAttemptAt: { $lte: now },
      channel: { $in: configured },
      unroutable: null,
    };
    // In quiet hours only the urgent go.
    if (isQuiet(now, options.quietHours)) filter.urgent = true;
    const due: QueuedNotification[] = [];
    let after: { value: string; id: string } | undefined;
    for (;;) {
      const page = await readModels.find<QueuedNotification>(queueCollection, {
        filter,
        sort: [{ field: 'nextAttemptAt', direction: 'asc' }],
        limit: batchSize,
        count: false,
        ...(after ? { after } : {}),
      });
      for (const row of page.items) {
        if (!delivered.has(row.id) && attemptsOf(row).dueAt <= nowMs) due.push(row);
      }
      const last = page.items.at(-1);
      if (due.length >= batchSize || !last || page.items.length < batchSize) return due;
      after = { value: last.nextAttemptAt, id: last.id };
    }
  };

  const round = async (): Promise<number> => {
    const now = clock.now();
    const nowMs = Date.parse(now);
    const rows = await dueRows(now, nowMs);
    let next = 0;
    const worker = async () => {
      for (let row = rows[next++]; row; row = rows[next++]) {
        const port = channels[row.channel as NotificationChannel];
        if (!port) continue;
        try {
          await sendOne(row, port, nowMs);
        } catch (error) {
          // Recording failed (the store away): the row stays due and is taken again.
          options.onError?.(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, worker));
    return rows.length;
  };

  return {
    /**
     * Sends what is due now; answers how many it tried. Rounds never overlap: a
     * call during a round makes it go round once more (rows queued meanwhile).
     */
    sendDue(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let tried = 0;
        do {
          again = false;
          tried += await round();
        } while (again);
        return tried;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    async close(): Promise<void> {
      await running?.catch(() => undefined);
      await Promise.all(Object.values(channels).map((port) => port?.close?.()));
    },
  };
};

export type Sender = ReturnType<typeof createSender>;
