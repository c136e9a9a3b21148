import { serviceCommand } from './declare.ts';

/**
 * The supervision clock: run by its own schedule as `system`, or by the office on
 * demand. No input and no key of its own: every fact the run records has its own.
 */
export const runClock = serviceCommand(
  { office: 'all', system: 'all' },
  'supervision.runClock',
  'runClock',
);
