import { z } from 'zod';
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
});

export const officials = query(readers, 'directory.officials', 'officials');

export const postHolders = query(readers, 'directory.holders', 'postHolders');
