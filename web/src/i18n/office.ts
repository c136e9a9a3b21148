/** The console's words for the office screens, in both languages (spread into `zh.ts` and `en.ts`). */
export const officeZh = {} as const;

export const officeEn: Record<keyof typeof officeZh, string> = {};
