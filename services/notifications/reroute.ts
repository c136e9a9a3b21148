import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import type { Directory } from './directory-lookup.ts';

/**
 * A retried row's address, looked up again: the office retries after the person
 * registered an e-mail or a mobile. Its channel stays (it is part of its id).
 */
export const rerouted = (row: QueuedNotification, directory: Directory): QueuedNotification => {
  if (row.channel === 'none') return row;
  const contacts = directory.officials.get(row.officialId)?.contacts;
  const address = (row.channel === 'email' ? contacts?.email : contacts?.mobile) ?? null;
  if (address === null) return row;
  return { ...row, address, unroutable: null };
};
