import { illegalState } from '../../../contracts/errors.ts';
import type { NotificationChannel, NotificationEvent } from '../../../contracts/events/index.ts';
import type { Decider } from '../../shared/decider.ts';

/** What the sender and the office record about one notification. */
export type NotificationCommand =
  | {
      type: 'RecordDelivery';
      data: { notificationId: string; channel: NotificationChannel; attempts: number };
    }
  | {
      type: 'RecordDeliveryFailure';
      data: {
        notificationId: string;
        channel: NotificationChannel;
        attempts: number;
        error: string;
        nextAttemptAt: string;
      };
    }
  | { type: 'RetryNotification'; data: { notificationId: string } };

export type NotificationState = { delivered: boolean; failuresRecorded: number };

export const initialState = (): NotificationState => ({ delivered: false, failuresRecorded: 0 });

export const evolve = (state: NotificationState, event: NotificationEvent): NotificationState => {
  switch (event.type) {
    case 'NotificationDelivered':
      return { ...state, delivered: true };
    case 'NotificationDeliveryFailed':
      return { ...state, failuresRecorded: Math.max(state.failuresRecorded, event.data.attempts) };
    case 'NotificationRetryRequested':
      return state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** The longest error text kept: enough to tell a refused login from a timeout. */
const errorLength = 500;

/**
 * Delivered once: a second delivery record is nothing (the first stands); a
 * failure after the delivery, or at an attempt already recorded, is nothing; the
 * office cannot retry what was delivered.
 */
export const decide = (command: NotificationCommand, state: NotificationState) => {
  switch (command.type) {
    case 'RecordDelivery':
      return state.delivered ? [] : [{ type: 'NotificationDelivered', data: command.data }];
    case 'RecordDeliveryFailure':
      if (state.delivered || command.data.attempts <= state.failuresRecorded) return [];
      return [
        {
          type: 'NotificationDeliveryFailed',
          data: { ...command.data, error: command.data.error.slice(0, errorLength) },
        },
      ];
    case 'RetryNotification':
      if (state.delivered) {
        throw illegalState(
          `notification ${command.data.notificationId} was delivered; it is never sent again`,
          'notificationId',
        );
      }
      return [{ type: 'NotificationRetryRequested', data: command.data }];
    default: {
      const _exhaustive: never = command;
      return [];
    }
  }
};

/** A notification's record (`notification-<id>`): delivered at most once, failures, retries. */
export const notificationDecider: Decider<
  NotificationCommand,
  NotificationEvent,
  NotificationState
> = {
  initialState,
  evolve,
  decide: (command, state) => decide(command, state) as NotificationEvent[],
};
