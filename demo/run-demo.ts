import path from 'node:path';
import type { Actor } from '../contracts/actor.ts';
import { settableClock } from '../infra/clock/clock.ts';
import type { Config } from '../infra/config/config.ts';
import { createSystem } from '../system/system.ts';
import { loadPlan } from './load-plan.ts';
import { playYear } from './play-year.ts';

export { demoDataDir, demoNow } from './demo-env.ts';

export const defaultPlanFile = path.join('plans', '2021-gaoxin.json');

/**
 * Loads the plan into an empty store and plays its year through the real
 * commands, on a set clock, with every service but the gateway in this process.
 */
export const runDemo = async (
  config: Readonly<Config>,
  options: { planFile?: string; log?: (line: string) => void } = {},
): Promise<{ events: number; tasks: number; days: number }> => {
  const plan = loadPlan(options.planFile ?? defaultPlanFile);
  const clock = settableClock('2021-01-04T02:00:00Z');
  const system = createSystem(
    { ...config, services: config.services.filter((name) => name !== 'gateway') },
    { clock },
  );
  await system.start();
  try {
    const existing = await system.stores.eventStore.lastPosition();
    if (existing > 0) {
      throw new Error(
        `${config.dataDir} already holds ${existing} events: the demo loads into an empty store (use another DATA_DIR or remove that folder)`,
      );
    }
    const call = (action: string, params: Record<string, unknown>, actor: Actor) =>
      system.broker.call<Record<string, unknown>, Record<string, unknown>>(action, params, {
        meta: { actor },
      });
    const played = await playYear({ plan, call, setClock: clock.set, log: options.log });
    await system.broker.call('projector.catchUp');
    return { ...played, events: await system.stores.eventStore.lastPosition() };
  } finally {
    await system.stop();
  }
};
