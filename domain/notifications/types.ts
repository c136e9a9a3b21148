import type { NotificationChannel, OfficialContacts, Post } from '../../contracts/events/index.ts';

/** An official as the notifications know them: who, reached through which unit's post. */
export interface Recipient {
  officialId: string;
  name: string;
  /** The unit of the post they are addressed by: whose group robot @-mentions them. */
  unitId: string | null;
  /** Absent: the official gave none yet. */
  contacts?: OfficialContacts;
}

/** The task a fact is about, as the derivation needs it (from the task read model). */
export interface TaskFacts {
  taskId: string;
  title: string;
  leadUnitId: string | null;
  cooperatingUnitIds: readonly string[];
  /** 分管领导: an official id, or the name a plan gave before leaders were officials. */
  responsibleLeader: string | null;
  milestoneTitles: Readonly<Record<string, string>>;
}

/**
 * What a derivation may look up, resolved by the caller at the moment it derives:
 * the task, unit names, and who holds which post. Pure lookups, no I/O.
 */
export interface NotifyContext {
  task: TaskFacts | null;
  unitName(unitId: string): string;
  /** Who holds `post` of `unitId` on the fact's day. */
  holders(unitId: string, post: Post): Recipient[];
  /** Every holder of a `main_leader` post on the fact's day (主要领导 of the government). */
  mainLeaders(): Recipient[];
  /** An official by id, or by the name a legacy plan gave; null when unknown or ambiguous. */
  official(idOrName: string): Recipient | null;
}

/** Who a fact concerns: posts of units, the task's responsible leader, the main leader. */
export type Audience =
  | { kind: 'posts'; unitIds: readonly string[]; posts: readonly Post[] }
  | { kind: 'responsible_leader' }
  | { kind: 'main_leader' };

/** A notification's channel, or `none`: nobody can be reached yet (shown to the office). */
export type NotificationRoute = NotificationChannel | 'none';

/** One notification to one person on one channel, derived from one fact. */
export type Notification = {
  /** Derived from (source event id, official id, channel): the same fact gives the same id. */
  id: string;
  sourceEventId: string;
  sourceType: string;
  sourcePosition: number;
  taskId: string | null;
  officialId: string;
  officialName: string;
  unitId: string | null;
  channel: NotificationRoute;
  /** The address on the channel: e-mail, mobile (SMS and the robots' @); null: none known. */
  address: string | null;
  /** Why it cannot be sent as it stands (无可用渠道, 未登记邮箱 …); null when it can. */
  unroutable: string | null;
  subject: string;
  text: string;
  /** Urgent ones ignore quiet hours. */
  urgent: boolean;
  recordedAt: string;
};
