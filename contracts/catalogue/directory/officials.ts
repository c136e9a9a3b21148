import { z } from 'zod';
import { notificationChannels } from '../../events/notification-events.ts';
import { posts } from '../../events/official-events.ts';
import { date, id, idempotencyKey, oneOf, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, query, readers, served } from '../declare.ts';

/** Officials (干部) and the posts they hold in units over time (任职). */

export const registerOfficialInput = z.object({
  id: id().nullish(),
  name: text(limits.name),
  title: text(limits.name),
  idempotencyKey,
});

export const assignPostInput = z.object({
  officialId: id(),
  unitId: id(),
  post: oneOf(posts),
  from: date(),
  idempotencyKey,
});

export const vacatePostInput = z.object({
  officialId: id(),
  unitId: id(),
  post: oneOf(posts),
  on: date(),
  idempotencyKey,
});

const emailRule = 'must be an e-mail address (name@domain), at most 254 characters';
const mobileRule = 'must be a mobile number: 11 digits starting with 1, or + and 8–15 digits';

/** How an official is notified: the whole set, replacing the last (null: none). */
export const changeOfficialContactsInput = z.object({
  officialId: id(),
  email: z
    .string({ error: emailRule })
    .max(254, emailRule)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, emailRule)
    .nullish()
    .transform((value) => value ?? null),
  mobile: z
    .string({ error: mobileRule })
    .regex(/^(1\d{10}|\+\d{8,15})$/, mobileRule)
    .nullish()
    .transform((value) => value ?? null),
  channels: z
    .array(oneOf(notificationChannels), { error: 'must be a list of channels' })
    .max(notificationChannels.length, 'each channel at most once')
    .refine((list) => new Set(list).size === list.length, 'each channel at most once'),
  idempotencyKey,
});

/** Who held the posts of a unit (or one post of it) on a day. */
export const postHoldersInput = z.object({
  unitId: id(),
  post: oneOf(posts)
    .nullish()
    .transform((value) => value ?? null),
  date: date(),
});

export const officialCommands = served('directory', {
  registerOfficial: command(office, registerOfficialInput, {
    newId: { field: 'officialId', kind: 'official', given: 'id', answer: 'id', first: true },
  }),
  assignPost: command(office, assignPostInput, { lookups: { units: (data) => [data.unitId] } }),
  vacatePost: command(office, vacatePostInput),
  changeOfficialContacts: command(office, changeOfficialContactsInput),
});

export const officials = query(readers, 'directory.officials', 'officials');

export const postHolders = query(readers, 'directory.holders', 'postHolders');
