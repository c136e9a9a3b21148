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
} as const;

export const lightsEn: Record<keyof typeof lightsZh, string> = {
  event_TaskLightChanged: 'Light changed',
  lightChanges: 'Light changes',
  lightChangeDay: 'Day',
  lightChangeFrom: 'From',
  lightChangeTo: 'To',
  lightChangeReasons: 'Reasons',
  lightChangeProgress: 'Actual / expected progress',
};
