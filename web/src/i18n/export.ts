/** The console's words for the export screens, in both languages (spread into `zh.ts` and `en.ts`). */
export const exportZh = {} as const;

export const exportEn: Record<keyof typeof exportZh, string> = {};
