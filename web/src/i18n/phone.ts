/** The console's words for the phone screens, in both languages (spread into `zh.ts` and `en.ts`). */
export const phoneZh = {
  appTitleShort: '督查督办',
  languageHint: '（切换到英文界面）',
} as const;

export const phoneEn: Record<keyof typeof phoneZh, string> = {
  appTitleShort: 'Supervision',
  languageHint: ' (switch to Chinese)',
};
