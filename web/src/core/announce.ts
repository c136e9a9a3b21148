/**
 * What the page says once it is drawn again after the user's action (the form
 * that sent it is gone by then): shown at the top of the page and focused, so
 * the confirmation is seen and read out, and the keyboard is not left on <body>.
 */
let pending: string | null = null;

export const announceAfterRender = (message: string): void => {
  pending = message;
};

/** The message to show, once. */
export const takeAnnouncement = (): string | null => {
  const message = pending;
  pending = null;
  return message;
};
