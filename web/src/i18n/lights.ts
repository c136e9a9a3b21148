/**
 * The console's words for the lights (红黄绿灯) the clock records as facts:
 * the history's name of the fact and the task page's table of them.
 */
export const lightsZh = {
  event_TaskLightChanged: '亮灯变化',
  lightChanges: '亮灯记录',
  lightChangeDay: '日期',
  lightChangeFrom: '原灯色',
  lightChangeTo: '新灯色',
  lightChangeReasons: '原因',
  lightChangeProgress: '实际进度 / 序时进度',
  lightReason_behind: '落后序时进度 {points} 个百分点',
  lightReason_overdue: '自 {day} 起逾期',
  lightReason_dueToday: '今日到期',
  lightReason_dueIn: '{days} 天后到期',
  lightReason_milestone: '节点“{title}”{reason}',
  lightReason_subTask: '子任务“{title}”亮{light}灯',
} as const;

export const lightsEn: Record<keyof typeof lightsZh, string> = {
  event_TaskLightChanged: 'Light changed',
  lightChanges: 'Light changes',
  lightChangeDay: 'Day',
  lightChangeFrom: 'From',
  lightChangeTo: 'To',
  lightChangeReasons: 'Reasons',
  lightChangeProgress: 'Actual / expected progress',
  lightReason_behind: 'behind {points} points',
  lightReason_overdue: 'overdue since {day}',
  lightReason_dueToday: 'due today',
  lightReason_dueIn: 'due in {days} days',
  lightReason_milestone: 'milestone "{title}" {reason}',
  lightReason_subTask: 'sub-task "{title}" is {light}',
};
