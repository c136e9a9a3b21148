/**
 * The console's words for the lights (红黄绿灯) the clock records as facts:
 * the history's name of the fact.
 */
export const lightsZh = {
  event_TaskLightChanged: '亮灯变化',
} as const;

export const lightsEn: Record<keyof typeof lightsZh, string> = {
  event_TaskLightChanged: 'Light changed',
};
