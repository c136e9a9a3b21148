import { z } from 'zod';
import { posts } from '../../events/official-events.ts';
import { date, id, idempotencyKey, oneOf, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, query, readers } from '../declare.ts';

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

export const registerOfficial = command({
  roles: office,
  action: 'directory.registerOfficial',
  mutation: 'registerOfficial',
  input: registerOfficialInput,
  command: 'RegisterOfficial',
  newId: { field: 'officialId', kind: 'official', given: 'id', answer: 'id', first: true },
});

export const assignPost = command({
  roles: office,
  action: 'directory.assignPost',
  mutation: 'assignPost',
  input: assignPostInput,
  command: 'AssignPost',
  lookups: { units: (data) => [data.unitId] },
});

export const vacatePost = command({
  roles: office,
  action: 'directory.vacatePost',
  mutation: 'vacatePost',
  input: vacatePostInput,
  command: 'VacatePost',
});

export const officials = query(readers, 'directory.officials', 'officials');

export const postHolders = query(readers, 'directory.holders', 'postHolders');
