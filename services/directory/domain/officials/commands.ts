import type { OfficialContacts, Post } from '../../../../contracts/events/index.ts';

/**
 * Commands of an official (干部) in the directory. Unit ids are checked against
 * `knownUnitIds`, which the service looks up so that the decision stays pure.
 */
export type OfficialCommand =
  | {
      type: 'RegisterOfficial';
      data: { officialId: string; name: string; title: string };
    }
  | {
      type: 'AssignPost';
      data: {
        officialId: string;
        unitId: string;
        post: Post;
        /** First day the post is held. */
        from: string;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: readonly string[];
      };
    }
  | {
      type: 'VacatePost';
      data: {
        officialId: string;
        unitId: string;
        post: Post;
        /** First day the post is no longer held. */
        on: string;
      };
    }
  | {
      type: 'ChangeOfficialContacts';
      data: { officialId: string } & OfficialContacts;
    };

export type OfficialCommandType = OfficialCommand['type'];

/** The data of one command type, e.g. `OfficialCommandData<'AssignPost'>`. */
export type OfficialCommandData<T extends OfficialCommandType> = Extract<
  OfficialCommand,
  { type: T }
>['data'];
