import type { DomainEvent, DomainEventType } from '../../contracts/events/index.ts';
import type { NoticeLevel } from '../../contracts/events/task-events.ts';
import type { Audience, NotifyContext } from './types.ts';

type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** What a fact notifies: who, how urgently, and the message (subject, body) in Chinese. */
export interface NotificationRule<T extends DomainEventType> {
  audience(data: EventOf<T>['data'], context: NotifyContext): Audience[];
  urgent(data: EventOf<T>['data']): boolean;
  subject(data: EventOf<T>['data'], context: NotifyContext): string;
  text(data: EventOf<T>['data'], context: NotifyContext): string;
}

/** The posts a unit is reached by: its 联络员 (contact) and 单位负责人 (unit head). */
const unitPosts = ['contact', 'unit_head'] as const;

const unitsOf = (context: NotifyContext, ...extra: string[]): string[] => {
  const lead = context.task?.leadUnitId;
  return [...new Set([...(lead ? [lead] : []), ...extra])];
};

const taskTitle = (context: NotifyContext): string => context.task?.title ?? '（未知事项）';

const milestoneTitle = (context: NotifyContext, milestoneId: string): string =>
  context.task?.milestoneTitles[milestoneId] ?? milestoneId;

const noticeColour: Record<NoticeLevel, string> = { blue: '蓝色', yellow: '黄色', red: '红色' };

/**
 * The addressees of a supervision notice (督办单) by colour, as the three-colour
 * practice sends them (e.g. 宿迁市"三色督办单"): blue to the unit (its head and
 * contact), yellow also to the task's responsible leader (分管领导), red also to
 * the main leader (主要领导).
 */
const noticeAudience = (level: NoticeLevel, unitId: string): Audience[] => {
  const unit: Audience = { kind: 'posts', unitIds: [unitId], posts: unitPosts };
  switch (level) {
    case 'blue':
      return [unit];
    case 'yellow':
      return [unit, { kind: 'responsible_leader' }];
    case 'red':
      return [unit, { kind: 'responsible_leader' }, { kind: 'main_leader' }];
    default: {
      const _exhaustive: never = level;
      return [unit];
    }
  }
};

/**
 * Which facts notify whom. Adding a kind of fact that reaches people is one
 * entry here; the derivation, the queue and the sender need nothing else.
 */
export const notificationRules: { [T in DomainEventType]?: NotificationRule<T> } = {
  TaskAssigned: {
    audience: (data) => [
      { kind: 'posts', unitIds: [data.leadUnitId, ...data.cooperatingUnitIds], posts: unitPosts },
    ],
    urgent: () => false,
    subject: (_data, context) => `【待签收】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」已交办，牵头单位：${context.unitName(data.leadUnitId)}` +
      (data.cooperatingUnitIds.length > 0
        ? `，配合单位：${data.cooperatingUnitIds.map(context.unitName).join('、')}`
        : '') +
      '。请及时签收。',
  },
  MilestoneDueSoonReminded: {
    audience: (_data, context) => [{ kind: 'posts', unitIds: unitsOf(context), posts: unitPosts }],
    urgent: () => false,
    subject: (_data, context) => `【到期提醒】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」的环节「${milestoneTitle(context, data.milestoneId)}」将于 ${data.limitDate ?? data.dueDate} 到期，请按时完成并报送进展。`,
  },
  MilestoneOverdue: {
    audience: (_data, context) => [
      { kind: 'posts', unitIds: unitsOf(context), posts: unitPosts },
      { kind: 'responsible_leader' },
    ],
    urgent: () => false,
    subject: (_data, context) => `【已逾期】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」的环节「${milestoneTitle(context, data.milestoneId)}」已超过期限（${data.limitDate ?? data.dueDate}）未完成，请尽快办理并说明情况。`,
  },
  TaskUrged: {
    audience: (data) => [{ kind: 'posts', unitIds: [data.unitId], posts: unitPosts }],
    urgent: () => false,
    subject: (_data, context) => `【催办】${taskTitle(context)}`,
    text: (data, context) =>
      `${data.cause ? '督查系统按时限规则' : '督查室'}就事项「${taskTitle(context)}」向${context.unitName(data.unitId)}催办：${data.message}` +
      (data.replyBy ? `（请于 ${data.replyBy} 前答复）` : ''),
  },
  SupervisionNoticeIssued: {
    audience: (data) => noticeAudience(data.level, data.toUnitId),
    urgent: (data) => data.level === 'red',
    subject: (data) => `【${noticeColour[data.level]}督办单】${data.subject}`,
    text: (data, context) =>
      `${context.unitName(data.toUnitId)}：就事项「${taskTitle(context)}」发出${noticeColour[data.level]}督办单。${data.body}（请于 ${data.replyDueDate} 前答复）`,
  },
  LeadershipInstructionIssued: {
    audience: (data) => [{ kind: 'posts', unitIds: data.addressedToUnitIds, posts: unitPosts }],
    urgent: () => false,
    subject: (_data, context) => `【领导批示】${taskTitle(context)}`,
    text: (data, context) => `领导就事项「${taskTitle(context)}」批示：${data.text}`,
  },
  BlockageEscalated: {
    audience: (data) => [
      data.level === 1 ? { kind: 'responsible_leader' } : { kind: 'main_leader' },
    ],
    urgent: () => true,
    subject: (_data, context) => `【堵点升级】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」的堵点久未解决，已升级至${data.level === 1 ? '分管领导' : '主要领导'}协调。`,
  },
  TaskSigningReminded: {
    audience: (data) => [{ kind: 'posts', unitIds: [data.unitId], posts: unitPosts }],
    urgent: () => false,
    subject: (_data, context) => `【签收提醒】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」于 ${data.assignedOn} 交办${context.unitName(data.unitId)}，签收时限 ${data.limitDate} 已过仍未签收，请即签收。`,
  },
  ProgressReportMissed: {
    audience: (data) => [{ kind: 'posts', unitIds: [data.unitId], posts: unitPosts }],
    urgent: () => false,
    subject: (_data, context) => `【未按期报送】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」${data.periodStart} 至 ${data.periodEnd} 的进展未按期报送，已记录并计入考核，请尽快报送。`,
  },
  UrgeReplyOverdue: {
    audience: (data) => [
      { kind: 'posts', unitIds: [data.unitId], posts: unitPosts },
      { kind: 'responsible_leader' },
    ],
    urgent: () => false,
    subject: (_data, context) => `【催办逾期未复】${taskTitle(context)}`,
    text: (data, context) =>
      `${context.unitName(data.unitId)}未在 ${data.replyBy} 前答复事项「${taskTitle(context)}」的催办，已记录并计入考核。`,
  },
  SupervisionNoticeReplyOverdue: {
    audience: (data) => [
      { kind: 'posts', unitIds: [data.unitId], posts: unitPosts },
      { kind: 'responsible_leader' },
    ],
    urgent: () => false,
    subject: (data, context) =>
      `【${noticeColour[data.level]}督办单逾期未复】${taskTitle(context)}`,
    text: (data, context) =>
      `${context.unitName(data.unitId)}未在 ${data.replyDueDate} 前答复事项「${taskTitle(context)}」的${noticeColour[data.level]}督办单，已记录并计入考核。`,
  },
  ProgressReportDrafted: {
    audience: (data) => [{ kind: 'posts', unitIds: [data.unitId], posts: ['unit_head'] }],
    urgent: () => false,
    subject: (_data, context) => `【待审核】${taskTitle(context)}`,
    text: (data, context) =>
      `联络员拟报事项「${taskTitle(context)}」进展 ${data.percent}%，请审核后报送督查室。`,
  },
  ProgressReportReturned: {
    audience: (_data, context) => [
      { kind: 'posts', unitIds: unitsOf(context), posts: ['contact'] },
    ],
    urgent: () => false,
    subject: (_data, context) => `【报送退回】${taskTitle(context)}`,
    text: (data, context) =>
      `单位负责人退回了事项「${taskTitle(context)}」的进展报送：${data.reason}`,
  },
  TaskReopenedForRedo: {
    audience: (_data, context) => [{ kind: 'posts', unitIds: unitsOf(context), posts: unitPosts }],
    urgent: () => false,
    subject: (_data, context) => `【重新办理】${taskTitle(context)}`,
    text: (data, context) =>
      `提出人对事项「${taskTitle(context)}」的答复不满意，需重新办理，办理时限 ${data.dueDate}。`,
  },
  /**
   * A task turning red (红灯预警) warns its lead unit, the one that answers for
   * it, the day the clock records it; yellow and a way back reach nobody. An
   * overdue milestone already reaches the responsible leader on its own.
   */
  TaskLightChanged: {
    audience: (data, context) =>
      data.to === 'red' ? [{ kind: 'posts', unitIds: unitsOf(context), posts: unitPosts }] : [],
    urgent: () => false,
    subject: (_data, context) => `【红灯预警】${taskTitle(context)}`,
    text: (data, context) =>
      `事项「${taskTitle(context)}」自 ${data.day} 亮红灯（实际进度 ${data.actual}%，序时进度 ${data.expected}%），请尽快采取措施并报送进展。`,
  },
};

/** The rule of a fact's type, or null when facts of that type notify nobody. */
export const ruleOf = <T extends DomainEventType>(type: T): NotificationRule<T> | null =>
  (notificationRules[type] as NotificationRule<T> | undefined) ?? null;
