import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/config.ts';

/**
 * LOG_FORMAT when set; otherwise pretty lines for a person at a terminal outside
 * production, and JSON lines (pino's own) everywhere else: for the collector
 * that reads a container's output, a file, a pipe.
 */
export const chosenLogFormat = (
  setting: Config['logFormat'],
  production: boolean,
  stdoutIsTTY: boolean,
): 'json' | 'pretty' => {
  if (setting !== 'auto') return setting;
  return !production && stdoutIsTTY ? 'pretty' : 'json';
};

/** pino-pretty's default export, as far as it is used here. */
type PinoPretty = (options: Record<string, unknown>) => NodeJS.WritableStream;

/** From the running script's folder up, as its own imports resolve. */
const requireFromApp = (id: string): unknown =>
  createRequire(process.argv[1] ?? path.join(process.cwd(), 'main.ts'))(id);

const prettyOptions = {
  // In this thread and unbuffered, so lines keep their order with what else the process prints.
  sync: true,
  colorize: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,nodeID,ns,mod,svc',
  messageFormat: '{if mod}{mod}: {end}{msg}',
};

/**
 * Where pino writes: pino-pretty's stream for pretty lines, null for JSON lines
 * on stdout. pino-pretty is a development dependency, absent from a production
 * install: chosen by the terminal, its absence means JSON lines; asked for with
 * LOG_FORMAT=pretty, it stops start-up naming the variable.
 */
export const logDestination = (
  config: Pick<Config, 'logFormat' | 'production'>,
  stdoutIsTTY: boolean,
  load: (id: string) => unknown = requireFromApp,
): NodeJS.WritableStream | null => {
  if (chosenLogFormat(config.logFormat, config.production, stdoutIsTTY) === 'json') return null;
  let pretty: PinoPretty;
  try {
    pretty = load('pino-pretty') as PinoPretty;
  } catch (error) {
    if (config.logFormat === 'auto') return null;
    throw new ConfigError(
      `LOG_FORMAT=pretty: pino-pretty cannot be loaded (${(error as Error).message.split('\n')[0]}); it is a development dependency: use LOG_FORMAT=json`,
    );
  }
  return pretty(prettyOptions);
};
