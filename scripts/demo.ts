/**
 * `npm run demo [-- --plan plans/x.json]`: loads the 2021 plan into an empty store
 * (DATA_DIR, default ./data/demo) and plays its supervision year.
 * Then `npm start -- --demo` serves it.
 */
import { parseArgs } from 'node:util';
import { demoEnv } from '../demo/demo-env.ts';
import { PlanError } from '../demo/load-plan.ts';
import { defaultPlanFile, runDemo } from '../demo/run-demo.ts';
import { ConfigError, loadConfig } from '../infra/config/config.ts';

const { values } = parseArgs({ options: { plan: { type: 'string', default: defaultPlanFile } } });

try {
  const config = loadConfig(demoEnv({ LOG_LEVEL: 'warn', ...process.env }));
  const started = performance.now();
  const result = await runDemo(config, {
    planFile: values.plan,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `demo loaded: ${result.tasks} tasks, ${result.days} days, ${result.events} events in ${seconds} s into ${config.dataDir}\n` +
      'serve it with: npm start -- --demo\n',
  );
} catch (error) {
  const known = error instanceof PlanError || error instanceof ConfigError;
  process.stderr.write(
    `demo: ${known ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
