/** The console's words for the phone screens, in both languages (spread into `zh.ts` and `en.ts`). */
export const phoneZh = {} as const;

export const phoneEn: Record<keyof typeof phoneZh, string> = {};
