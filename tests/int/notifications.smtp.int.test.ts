import { smtpNotificationSuite } from '../support/notification-smtp-suite.ts';

smtpNotificationSuite(() => ({}));
