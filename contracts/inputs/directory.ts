import { z } from 'zod';
import { posts } from '../events/official-events.ts';
import { limits } from '../limits.ts';
import { date, id, idempotencyKey, oneOf, text } from './fields.ts';
import { inputLimits } from './input-limits.ts';

/** Input rules of the directory's officials (干部) and the posts they hold. */

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

/** Ids to look up between services; anything that is no id simply is not known. */
export const lookupIdsInput = z.object({
  ids: z
    .array(z.string({ error: 'must be a list of ids' }), { error: 'must be a list of ids' })
    .max(inputLimits.lookupIds, `must list at most ${inputLimits.lookupIds} ids`),
});
