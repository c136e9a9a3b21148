import type { NotificationEvent } from '../../contracts/events/index.ts';
import {
  type NotificationCommand,
  notificationDecider,
} from '../../services/notifications/domain/decider.ts';
import { given } from './support/given-when-then.ts';

const notificationId = '5c1b2a8e-0000-5000-8000-000000000001';

const delivered: NotificationEvent = {
  type: 'NotificationDelivered',
  data: { notificationId, channel: 'email', attempts: 2 },
};
const failed = (attempts: number): NotificationEvent => ({
  type: 'NotificationDeliveryFailed',
  data: {
    notificationId,
    channel: 'email',
    attempts,
    error: 'connect ECONNREFUSED',
    nextAttemptAt: '2021-03-01T02:00:01.000Z',
  },
});
const deliver: NotificationCommand = {
  type: 'RecordDelivery',
  data: { notificationId, channel: 'email', attempts: 2 },
};
const fail = (attempts: number): NotificationCommand => ({
  type: 'RecordDeliveryFailure',
  data: (failed(attempts) as Extract<NotificationEvent, { type: 'NotificationDeliveryFailed' }>)
    .data,
});
const retry: NotificationCommand = { type: 'RetryNotification', data: { notificationId } };

describe("a notification's record", () => {
  it('records a delivery once: a second one is nothing', () => {
    given(notificationDecider, []).when(deliver).then([delivered]);
    given(notificationDecider, [delivered]).when(deliver).then([]);
  });

  it('records a failure after the ones recorded, never after the delivery', () => {
    given(notificationDecider, [])
      .when(fail(1))
      .then([failed(1)]);
    given(notificationDecider, [failed(1)])
      .when(fail(5))
      .then([failed(5)]);
    given(notificationDecider, [failed(5)])
      .when(fail(5))
      .then([]);
    given(notificationDecider, [delivered]).when(fail(3)).then([]);
  });

  it('lets the office retry until delivered, then refuses', () => {
    given(notificationDecider, [failed(1)])
      .when(retry)
      .then([{ type: 'NotificationRetryRequested', data: { notificationId } }]);
    given(notificationDecider, [delivered])
      .when(retry)
      .thenThrows('ILLEGAL_STATE', 'notificationId');
  });
});
