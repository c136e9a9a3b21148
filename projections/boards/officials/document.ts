import type { OfficialContacts } from '../../../contracts/events/index.ts';
import type { PostTerm } from '../../../domain/posts-timeline.ts';

/**
 * One official (干部) with every post term of theirs (collection
 * `board_officials`, id = officialId): who was responsible for a unit on any day.
 */
export type BoardOfficial = {
  id: string;
  position: number;
  name: string;
  title: string;
  terms: PostTerm[];
  /** How the official is notified (see notifications); absent until first given. */
  contacts?: OfficialContacts;
};
