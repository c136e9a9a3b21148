/** The console's words for the cockpit screens, in both languages (spread into `zh.ts` and `en.ts`). */
export const cockpitZh = {} as const;

export const cockpitEn: Record<keyof typeof cockpitZh, string> = {};
