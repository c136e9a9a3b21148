import { dateTime } from '../core/format.ts';
import { currentUser } from '../core/session.ts';

/** Who is signed in, as an export or a printout names them: name and account. */
export const signedInPerson = (): string => {
  const me = currentUser();
  if (!me) return '—';
  return me.name && me.name !== me.id ? `${me.name}（${me.id}）` : me.id;
};

/** Now, as a date and time in China (minutes): `2021-12-31 10:00`. */
export const nowInChina = (): string => dateTime(new Date().toISOString());
