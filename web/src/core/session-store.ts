/**
 * The token lives in sessionStorage: it goes with the tab, not into every tab of
 * a shared office computer, and never into a cookie the browser would send alone.
 */
const key = 'dubanju.token';

export const getToken = (): string | null => sessionStorage.getItem(key);
export const setToken = (token: string): void => sessionStorage.setItem(key, token);
export const clearToken = (): void => sessionStorage.removeItem(key);
