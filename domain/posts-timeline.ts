import type { OfficialEvent, Post } from '../contracts/events/index.ts';

/**
 * One term of an official in a post (任职): held from `from` (inclusive) until
 * `vacatedOn` (exclusive), or still held when `vacatedOn` is null.
 */
export type PostTerm = {
  officialId: string;
  unitId: string;
  post: Post;
  from: string;
  vacatedOn: string | null;
};

const isOpenTermOf = (term: PostTerm, data: Omit<PostTerm, 'from' | 'vacatedOn'>): boolean =>
  term.vacatedOn === null &&
  term.officialId === data.officialId &&
  term.unitId === data.unitId &&
  term.post === data.post;

/** Folds one official event into the terms; returns a new array, never mutates `timeline`. */
export const addToTimeline = (
  timeline: readonly PostTerm[],
  event: OfficialEvent,
): readonly PostTerm[] => {
  switch (event.type) {
    case 'OfficialRegistered':
    case 'OfficialContactsChanged':
      return timeline;
    case 'PostAssigned':
      return [...timeline, { ...event.data, vacatedOn: null }];
    case 'PostVacated': {
      const { on, ...held } = event.data;
      return timeline.map((term) => (isOpenTermOf(term, held) ? { ...term, vacatedOn: on } : term));
    }
    default: {
      // An event type newer than this code changes no term.
      const _exhaustive: never = event;
      return timeline;
    }
  }
};

/**
 * Every post term the events speak of, in the order they were assigned. The
 * events may interleave many officials' streams; only each official's own order
 * matters.
 */
export const postsTimeline = (events: readonly OfficialEvent[]): readonly PostTerm[] =>
  events.reduce(addToTimeline, [] as readonly PostTerm[]);

/** Held on `date`: from ≤ date, and not yet vacated (vacated on a later day, or never). */
export const heldOn = (term: PostTerm, date: string): boolean =>
  term.from <= date && (term.vacatedOn === null || term.vacatedOn > date);

/**
 * Who held `post` of `unitId` on `date`, the latest assignment first. Several
 * when a post admits them (contacts) or when an earlier holder was never vacated.
 */
export const holdersOn = (
  history: readonly PostTerm[],
  unitId: string,
  post: Post,
  date: string,
): string[] =>
  history
    .map((term, order) => ({ term, order }))
    .filter(({ term }) => term.unitId === unitId && term.post === post && heldOn(term, date))
    .sort((a, b) => b.term.from.localeCompare(a.term.from) || b.order - a.order)
    .map(({ term }) => term.officialId);

/** Who held `post` of `unitId` on `date` (the latest assigned, if several), or null. */
export const holderOn = (
  history: readonly PostTerm[],
  unitId: string,
  post: Post,
  date: string,
): string | null => holdersOn(history, unitId, post, date)[0] ?? null;

/** The posts `officialId` held on `date`, in the order they were assigned. */
export const postsHeldOn = (
  history: readonly PostTerm[],
  officialId: string,
  date: string,
): PostTerm[] => history.filter((term) => term.officialId === officialId && heldOn(term, date));
