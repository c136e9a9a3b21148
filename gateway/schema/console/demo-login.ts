import type { Role } from '../../../contracts/actor.ts';

/**
 * Whether the gateway may hand out demo tokens (演示登录): never when
 * NODE_ENV=production, whatever DEMO_LOGIN says; otherwise when DEMO_LOGIN is
 * true, or when it is unset and the process serves the demo (`--demo`, DEMO=1).
 * A wrong value stops start-up naming the variable, as every setting does.
 */
export const demoLoginAllowed = (
  env: Record<string, string | undefined>,
  argv: readonly string[] = [],
): boolean => {
  if (env.NODE_ENV === 'production') return false;
  const raw = env.DEMO_LOGIN;
  if (raw === undefined || raw === '') {
    return argv.includes('--demo') || ['1', 'true'].includes(env.DEMO ?? '');
  }
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new Error(`DEMO_LOGIN=${raw}: must be true or false`);
};

/** A person one may sign in as in the demo: the demo year's actors. */
export interface DemoUser {
  sub: string;
  role: Exclude<Role, 'system'>;
  unitId: string | null;
  name: string;
}

interface UnitRow {
  id: string;
  name?: string | null;
}

interface OfficialRow {
  id: string;
  name: string;
  title: string;
  posts: { post: string; vacatedOn?: string | null }[];
}

/** Leaders are officials who hold a leader's post (主要领导 or 分管领导). */
const leaderPosts = new Set(['main_leader', 'responsible_leader']);

/**
 * The demo's cast, from the directory as it stands: the office and the inspector
 * of `demo/actors.ts`, every official holding a leader's post, a department
 * head (`head-<unitId>`) and a liaison (`liaison-<unitId>`) per unit.
 */
export const demoUsers = (units: readonly UnitRow[], officials: readonly OfficialRow[]) => {
  const users: DemoUser[] = [
    { sub: 'office-zhang', role: 'office', unitId: null, name: '督查室张科长' },
    { sub: 'inspector-li', role: 'inspector', unitId: null, name: '纪工委李监察员' },
  ];
  for (const official of officials) {
    if (official.posts.some((term) => leaderPosts.has(term.post) && !term.vacatedOn)) {
      const name = `${official.name} · ${official.title}`;
      users.push({ sub: official.id, role: 'leader', unitId: null, name });
    }
  }
  for (const unit of units) {
    const name = `${unit.name ?? unit.id}负责人`;
    users.push({ sub: `head-${unit.id}`, role: 'department_head', unitId: unit.id, name });
  }
  // A liaison (联络员) per unit, after the heads: signs and drafts reports for its head.
  for (const unit of units) {
    const name = `${unit.name ?? unit.id}联络员`;
    users.push({ sub: `liaison-${unit.id}`, role: 'liaison', unitId: unit.id, name });
  }
  return users;
};
