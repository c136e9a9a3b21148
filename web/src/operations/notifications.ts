/** The office's notifications (通知): what the facts sent to whom, and how it went. */

/** A page of the queue, of one status (or all), newest fact first. */
export const notificationsQuery = /* GraphQL */ `query OfficeNotifications($status: NotificationStatus, $after: String) {
  notifications(filter: { status: $status }, first: 50, after: $after) { totalCount endCursor
    nodes { id sourceType recordedAt officialName unitId channel address unroutable subject
      urgent status attempts lastError nextAttemptAt deliveredAt } } }`;
