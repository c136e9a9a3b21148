import { idempotencyKeyField } from '../shared-fields.ts';

/**
 * Notifications (通知): what the facts of the log sent to whom and how it went,
 * for the office to see failures and retry them; and how officials are reached.
 */
export const notificationTypeDefs = /* GraphQL */ `
  extend type Query {
    """
    The notification queue, newest fact first: each notification a fact sent to one person on
    one channel, with its status. Failed ones are retried with backoff on their own; RETRY
    makes one due at once. Roles: OFFICE.
    """
    notifications(
      "Only these; absent: all."
      filter: NotificationFilter
      "At most this many, 1–200; default 50."
      first: Int
      "The endCursor of the page before."
      after: String
    ): NotificationConnection!
    """
    The notifications sent to the caller, an official signed in as themselves, newest first:
    what reached them, when, and how. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    myNotifications(
      "Only those in this status."
      status: NotificationStatus
      "At most this many, 1–200; default 50."
      first: Int
      "The endCursor of the page before."
      after: String
    ): NotificationConnection!
  }

  extend type Mutation {
    """
    Sends a notification again now, its address looked up again in the directory (after the
    person registered an e-mail or a mobile); ILLEGAL_STATE once delivered: it is never sent
    twice. Roles: OFFICE.
    """
    retryNotification(
      "The notification."
      input: RetryNotificationInput!
    ): RevisionPayload!
    """
    How an official is reached: e-mail, mobile and the channels chosen, replacing the last.
    E-mail needs the address; SMS and the group robots (which @-mention by mobile) need the
    mobile. Roles: OFFICE.
    """
    changeOfficialContacts(
      "The official and their contacts."
      input: ChangeOfficialContactsInput!
    ): RevisionPayload!
  }

  "Which notifications to list."
  input NotificationFilter {
    "Only those in this status."
    status: NotificationStatus
    "Only those about this task."
    taskId: ID
    "Only those to this official."
    officialId: ID
  }

  "A notification to retry."
  input RetryNotificationInput {
    "The notification's id."
    notificationId: ID!
${idempotencyKeyField}  }

  "An official's contacts."
  input ChangeOfficialContactsInput {
    "The registered official."
    officialId: ID!
    "E-mail address; null: none."
    email: String
    "Mobile number (11 digits, or + and 8–15 digits); null: none."
    mobile: String
    "The channels chosen, each once; empty: e-mail when an address is given."
    channels: [NotificationChannel!]!
${idempotencyKeyField}  }

  "A way a notification reaches a person."
  enum NotificationChannel {
    "E-mail by SMTP."
    EMAIL
    "SMS through the configured gateway."
    SMS
    "The unit's 钉钉 (DingTalk) group robot, @-mentioning the person."
    DINGTALK
    "The unit's 企业微信 (WeCom) group robot, @-mentioning the person."
    WECOM
    "None: the person cannot be reached yet (no contacts or no channel chosen)."
    NONE
  }

  "Where a notification stands."
  enum NotificationStatus {
    "Not sent yet: due, held by quiet hours, or waiting for an address or a channel."
    PENDING
    "Sending failed; retried with backoff."
    FAILED
    "A channel accepted it; never sent again."
    DELIVERED
  }

  "One notification: a fact sent to one person on one channel."
  type Notification {
    "Derived from the fact, the person and the channel: the same on every attempt."
    id: ID!
    "The kind of fact that caused it, e.g. TaskUrged."
    sourceType: String!
    "When that fact was recorded."
    recordedAt: DateTime!
    "The task it is about; null for a fact about no task."
    taskId: ID
    "The official notified."
    officialId: ID!
    "The official's name."
    officialName: String!
    "The unit of the post they were notified by."
    unitId: ID
    "The channel."
    channel: NotificationChannel!
    "The e-mail or mobile it goes to; null: none registered."
    address: String
    "Why it cannot be sent as it stands (无可用渠道, 未登记电子邮箱 …); null when it can."
    unroutable: String
    "The subject line."
    subject: String!
    "The message."
    text: String!
    "Urgent notifications are sent in quiet hours too."
    urgent: Boolean!
    "Where it stands."
    status: NotificationStatus!
    "Attempts recorded so far."
    attempts: Int!
    "The last failure's error; null when none."
    lastError: String
    "When it may be tried next."
    nextAttemptAt: DateTime!
    "When its delivery was recorded; null until then."
    deliveredAt: DateTime
  }

  "A page of notifications."
  type NotificationConnection {
    "The notifications of this page."
    nodes: [Notification!]!
    "How many match the filter."
    totalCount: Int!
    "The cursor to pass as after for the next page; null on the last."
    endCursor: String
  }
`;
