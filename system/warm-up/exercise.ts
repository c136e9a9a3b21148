import { demoNow } from '../../demo/demo-env.ts';
import { signToken } from '../../infra/auth/tokens.ts';
import {
  taskIndicatorsQuery,
  type WarmCaller,
  type WarmTask,
  warmRequest,
  warmTasksQuery,
} from './requests.ts';

/** Requests under way at once. */
const inFlight = 4;

/** The last day of the scratch year: indicator values are reported as of it. */
const lastDay = demoNow.slice(0, 10);

const leader: WarmCaller = { role: 'leader' };

type Answer = { data?: Record<string, unknown> | null; errors?: unknown[] };

/**
 * Sends `count` requests of the working-day mix to the scratch gateway at
 * `url`, signing its callers' tokens with `secret`: the tasks listed first,
 * then each task's indicators, then the mix, a few under way at once.
 */
export const exercise = async (
  url: string,
  secret: string,
  count: number,
): Promise<{ writes: number; failed: number }> => {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (caller: WarmCaller) => {
    const key = caller.role === 'leader' ? 'leader' : `head-${caller.unit}`;
    let token = tokens.get(key);
    if (token === undefined) {
      token = signToken(secret, { sub: `warm-up-${key}`, ...caller });
      tokens.set(key, token);
    }
    return token;
  };
  const post = async (caller: WarmCaller, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenOf(caller)}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };
  type Listed = { tasks?: { edges: { node: { id: string; leadUnit: { id: string } | null } }[] } };
  type Page = { task?: { indicators: { id: string }[] } | null };
  const listed = ((await post(leader, warmTasksQuery, {})).data ?? {}) as Listed;
  const tasks: WarmTask[] = [];
  for (const { node } of listed.tasks?.edges ?? []) {
    if (!node.leadUnit) continue;
    const page = ((await post(leader, taskIndicatorsQuery, { id: node.id })).data ?? {}) as Page;
    const indicatorIds = (page.task?.indicators ?? []).map((indicator) => indicator.id);
    tasks.push({ id: node.id, leadUnitId: node.leadUnit.id, indicatorIds });
  }
  if (tasks.length === 0) throw new Error('the scratch year lists no task');
  let next = 0;
  let failed = 0;
  let writes = 0;
  const sender = async () => {
    while (next < count) {
      const { caller, query, variables } = warmRequest(next++, tasks, lastDay);
      if (caller.role !== 'leader') writes += 1;
      const answer = await post(caller, query, variables).catch(() => ({ errors: [1] }));
      if (answer.errors) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return { writes, failed };
};
