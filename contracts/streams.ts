/** Stream ids are built here and nowhere else. */
export const taskStreamId = (taskId: string): string => `task-${taskId}`;
export const unitStreamId = (unitId: string): string => `unit-${unitId}`;
export const officialStreamId = (officialId: string): string => `official-${officialId}`;
/** A year's published working-day calendars (工作日历), version by version. */
export const workCalendarStreamId = (year: number): string => `work-calendar-${year}`;
/** A year's scoring period settlement (年度结算): closed once, by the clock. */
export const scoringPeriodStreamId = (year: number): string => `scoring-period-${year}`;
/** The one stream of published rulesets (规则版本). */
export const rulesStreamId = 'rules';
/** The one stream of signed Merkle tree heads (audit checkpoints). */
export const treeHeadStreamId = 'audit-tree-heads';
/** The audit service's alarms: its own stored log found altered. */
export const auditAlarmStreamId = 'audit-alarms';
/** What became of one notification (delivered, failed, retried): `notification-<id>`. */
export const notificationStreamId = (notificationId: string): string =>
  `notification-${notificationId}`;
