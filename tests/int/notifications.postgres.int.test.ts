import { smtpNotificationSuite } from '../support/notification-smtp-suite.ts';
import { dropSchemas, freshSchema, schemaUrl } from '../support/postgres.ts';

/**
 * The same notifications with the events and the read models in PostgreSQL:
 * the fact carries its notifications whatever store holds it.
 */
const schema = freshSchema('notify');

smtpNotificationSuite(
  () => ({ EVENT_STORE_URL: schemaUrl(schema), READ_MODEL_STORE_URL: schemaUrl(schema) }),
  () => dropSchemas([schema]),
);
