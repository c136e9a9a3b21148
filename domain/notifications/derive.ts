import type { DomainEvent } from '../../contracts/events/index.ts';
import { notificationId } from './ids.ts';
import { ruleOf } from './rules.ts';
import type {
  Audience,
  Notification,
  NotificationRoute,
  NotifyContext,
  Recipient,
} from './types.ts';

/** The fact a derivation reads: the domain event and where and when the log holds it. */
export interface SourceFact {
  eventId: string;
  position: number;
  recordedAt: string;
  event: DomainEvent;
}

const recipientsOf = (audience: Audience, context: NotifyContext): Recipient[] => {
  switch (audience.kind) {
    case 'posts':
      return audience.unitIds.flatMap((unitId) =>
        audience.posts.flatMap((post) => context.holders(unitId, post)),
      );
    case 'responsible_leader': {
      const leader = context.task?.responsibleLeader;
      const found = leader ? context.official(leader) : null;
      return found ? [found] : [];
    }
    case 'main_leader': {
      // The lead unit's own main leader, else the government's (every main_leader held).
      const lead = context.task?.leadUnitId;
      const own = lead ? context.holders(lead, 'main_leader') : [];
      return own.length > 0 ? own : context.mainLeaders();
    }
    default: {
      const _exhaustive: never = audience;
      return [];
    }
  }
};

/** Each official once, in the order first named (a unit head who is also its contact, …). */
const distinct = (recipients: readonly Recipient[]): Recipient[] => {
  const seen = new Map<string, Recipient>();
  for (const recipient of recipients) {
    if (!seen.has(recipient.officialId)) seen.set(recipient.officialId, recipient);
  }
  return [...seen.values()];
};

/** The channels an official is reached on, with the address and why not when there is none. */
const routesOf = (
  recipient: Recipient,
): { channel: NotificationRoute; address: string | null; unroutable: string | null }[] => {
  const contacts = recipient.contacts;
  if (!contacts)
    return [{ channel: 'none', address: null, unroutable: '无可用渠道：未登记联系方式' }];
  // No choice made: e-mail when an address is known.
  const channels =
    contacts.channels.length > 0 ? contacts.channels : contacts.email ? (['email'] as const) : [];
  if (channels.length === 0) {
    return [{ channel: 'none', address: null, unroutable: '无可用渠道：未选择通知方式' }];
  }
  return channels.map((channel) => {
    const address = channel === 'email' ? contacts.email : contacts.mobile;
    const missing = channel === 'email' ? '未登记电子邮箱' : '未登记手机号码';
    return { channel, address, unroutable: address ? null : missing };
  });
};

/**
 * The notifications a fact of the log implies: one per person concerned and
 * channel they chose. Deterministic: the same fact and the same lookups give the
 * same notifications with the same ids, so the fact alone carries the obligation
 * to notify (the log is the outbox) on every event store.
 */
export const deriveNotifications = (fact: SourceFact, context: NotifyContext): Notification[] => {
  const rule = ruleOf(fact.event.type);
  if (!rule) return [];
  const data = fact.event.data as never;
  const recipients = distinct(
    rule.audience(data, context).flatMap((a) => recipientsOf(a, context)),
  );
  const subject = rule.subject(data, context);
  const text = rule.text(data, context);
  const urgent = rule.urgent(data);
  const taskId = (fact.event.data as { taskId?: unknown }).taskId;
  return recipients.flatMap((recipient) =>
    routesOf(recipient).map(({ channel, address, unroutable }) => ({
      id: notificationId(fact.eventId, recipient.officialId, channel),
      sourceEventId: fact.eventId,
      sourceType: fact.event.type,
      sourcePosition: fact.position,
      taskId: typeof taskId === 'string' ? taskId : null,
      officialId: recipient.officialId,
      officialName: recipient.name,
      unitId: recipient.unitId,
      channel,
      address,
      unroutable,
      subject,
      text: `${recipient.name}同志：${text}`,
      urgent,
      recordedAt: fact.recordedAt,
    })),
  );
};
