/**
 * The token lives in sessionStorage: it goes with the tab, not into every tab of
 * a shared office computer, and never into a cookie the browser would send alone.
 */
const key = 'dubanju.token';

export const getToken = (): string | null => sessionStorage.getItem(key);
export const setToken = (token: string): void => sessionStorage.setItem(key, token);
export const clearToken = (): void => sessionStorage.removeItem(key);

/** Where the user was when the session ended: signing in again returns there. */
const returnKey = 'dubanju.returnTo';

export const rememberReturn = (hash: string): void => sessionStorage.setItem(returnKey, hash);

/** The page to return to after signing in, once. */
export const takeReturn = (): string | null => {
  const hash = sessionStorage.getItem(returnKey);
  sessionStorage.removeItem(returnKey);
  return hash;
};
