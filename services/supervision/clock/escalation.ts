import type { TimeLimitRules } from '../../../contracts/events/ruleset-events.ts';
import type { NoticeLevel } from '../../../contracts/events/task-events.ts';
import { addWorkingDays, type Calendars } from '../../../domain/calendar/work-calendar.ts';
import type { Escalation } from '../../tasks/domain/commands.ts';

const rank = { none: 0, blue: 1, yellow: 2, red: 3 } as const;

/** The colour after `level` (蓝 → 黄 → 红); an urge or a missed report starts at blue. */
const after = { start: 'blue', blue: 'yellow', yellow: 'red', red: null } as const satisfies Record<
  NoticeLevel | 'start',
  NoticeLevel | null
>;

const colourName = { blue: '蓝色提示', yellow: '黄色督办', red: '红色专报' } as const;

const lapseText = { urge: '催办', notice: '督办单' } as const;

/**
 * A slip id of the escalation chain: the matter's id with the colour, the
 * colour of an earlier step replaced, so a chain stays within an id's length.
 */
const chainId = (sourceId: string, level: NoticeLevel): string =>
  `${sourceId.replace(/-(blue|yellow|red)$/, '')}-${level}`;

/**
 * The slip the clock issues on `day` for a matter not answered in time: the
 * colour after `from`, up to the ruleset's `escalateUpTo`, replied to within
 * that colour's working days. Null past the top.
 */
export const escalationFor = (
  source: { kind: 'urge' | 'notice'; id: string; from: NoticeLevel | 'start' },
  day: string,
  limits: TimeLimitRules,
  calendars: Calendars,
): Escalation | null => {
  const level = after[source.from];
  if (level === null || rank[level] > rank[limits.escalateUpTo]) return null;
  const replyDueDate = addWorkingDays(calendars, day, limits.noticeReplyWorkingDays[level]);
  return {
    noticeId: chainId(source.id, level),
    level,
    replyDueDate,
    subject: `${colourName[level]}：${lapseText[source.kind]}逾期未答复`,
    body: `${lapseText[source.kind]} ${source.id} 逾期未答复，现发出${colourName[level]}督办单，请于 ${replyDueDate} 前书面答复办理情况。`,
  };
};
