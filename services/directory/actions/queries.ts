import type { ServiceSchema } from 'moleculer';
import { postHoldersInput } from '../../../contracts/catalogue/directory/officials.ts';
import { notFound } from '../../../contracts/errors.ts';
import { type Post, posts } from '../../../contracts/events/index.ts';
import { unitStreamId } from '../../../contracts/streams.ts';
import { heldOn, holdersOn, type PostTerm } from '../../../domain/posts-timeline.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { parseInput } from '../../shared/validate.ts';
import { knownIds } from './known.ts';
import {
  createOfficialsIndex,
  type OfficialEntry,
  type OfficialsIndex,
} from './officials-index.ts';

/** One holder of a post on a day, with the term that made them hold it. */
export interface PostHolder {
  unitId: string;
  post: Post;
  officialId: string;
  official: (OfficialEntry & { posts: ReturnType<typeof termsOf> }) | null;
  from: string;
  vacatedOn: string | null;
}

const termsOf = (timeline: readonly PostTerm[], officialId: string) =>
  timeline
    .filter((term) => term.officialId === officialId)
    .map(({ unitId, post, from, vacatedOn }) => ({ unitId, post, from, vacatedOn }));

const withPosts = (index: OfficialsIndex, official: OfficialEntry | null) =>
  official && { ...official, posts: termsOf(index.timeline(), official.id) };

/** The term that has the official hold the post on `date` (the latest, if several). */
const termHeld = (
  index: OfficialsIndex,
  officialId: string,
  at: Omit<PostTerm, 'officialId' | 'from' | 'vacatedOn'>,
  date: string,
) =>
  index
    .timeline()
    .findLast(
      (term) =>
        term.officialId === officialId &&
        term.unitId === at.unitId &&
        term.post === at.post &&
        heldOn(term, date),
    );

/** Holders of each asked post on `date`, posts in their fixed order, the latest assigned first. */
const holdersOf = (index: OfficialsIndex, unitId: string, asked: Post[], date: string) =>
  asked.flatMap((post) =>
    holdersOn(index.timeline(), unitId, post, date).map((officialId): PostHolder => {
      const term = termHeld(index, officialId, { unitId, post }, date);
      return {
        unitId,
        post,
        officialId,
        official: withPosts(index, index.official(officialId)),
        from: term?.from ?? date,
        vacatedOn: term?.vacatedOn ?? null,
      };
    }),
  );

/** Who the officials are and who was responsible for a unit on a given day. */
export const directoryQueries = (deps: ServiceDeps): ServiceSchema['actions'] => {
  const index = createOfficialsIndex(deps.eventStore);
  return {
    /** Every official, in the order registered, with every post term they held. */
    officials: guarded('officials', async () => {
      await index.refresh();
      return index.officials().map((official) => withPosts(index, official));
    }),

    /** Who held the posts of a unit (or only `post`) on `date`. */
    holders: guarded('postHolders', async (ctx) => {
      const input = parseInput(postHoldersInput, ctx.params);
      const [known] = await knownIds(deps.eventStore, [input.unitId], unitStreamId);
      if (known === undefined) throw notFound('unitId', `unit ${input.unitId}`);
      await index.refresh();
      return holdersOf(index, input.unitId, input.post ? [input.post] : [...posts], input.date);
    }),
  };
};
