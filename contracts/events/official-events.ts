import type { NotificationChannel } from './notification-events.ts';

/**
 * A post an official holds in a unit: 主要领导 (main leader), 分管领导 (responsible
 * leader, the deputy in charge), 单位负责人 (unit head), 联络员 (contact).
 */
export type Post = 'main_leader' | 'responsible_leader' | 'unit_head' | 'contact';

export const posts = [
  'main_leader',
  'responsible_leader',
  'unit_head',
  'contact',
] as const satisfies readonly Post[];

/**
 * Events of an official's stream (`official-<id>`): who held which post of which
 * unit, from which day. A post held from `from` is held on that day; a post
 * vacated `on` a day is no longer held on that day.
 */
export type OfficialEvent =
  | {
      type: 'OfficialRegistered';
      data: { officialId: string; name: string; title: string };
    }
  | {
      type: 'PostAssigned';
      data: { officialId: string; unitId: string; post: Post; from: string };
    }
  | {
      type: 'PostVacated';
      data: { officialId: string; unitId: string; post: Post; on: string };
    }
  | {
      /**
       * How the official is reached: the whole set, replacing the last one.
       * The mobile is also who the group robots @-mention.
       */
      type: 'OfficialContactsChanged';
      data: { officialId: string } & OfficialContacts;
    };

/** An official's addresses and the channels they chose to be notified by, in order. */
export type OfficialContacts = {
  email: string | null;
  mobile: string | null;
  channels: NotificationChannel[];
};

export type OfficialEventType = OfficialEvent['type'];

export const officialEventTypes = [
  'OfficialRegistered',
  'PostAssigned',
  'PostVacated',
  'OfficialContactsChanged',
] as const satisfies readonly OfficialEventType[];
