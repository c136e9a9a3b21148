import { pino } from 'pino';

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type Level = (typeof levels)[number];

/** A logger as Moleculer calls it: each level with the arguments a service gave. */
export type LevelLogger = Record<Level, (...args: unknown[]) => void>;

/**
 * Writes one call the way services make it, `logger.error('projection failed',
 * error)`: pino reads arguments after the message as values for placeholders
 * the message does not have, so the error would be dropped. The error goes
 * under `err` (pino's serializer: type, message, stack, code) and any other
 * values under `details`.
 */
const write = (logger: pino.Logger, level: Level, args: unknown[]) => {
  const [first, ...rest] = args;
  if (typeof first !== 'string' || rest.length === 0) {
    (logger[level] as (...values: unknown[]) => void)(...args);
    return;
  }
  const error = rest.find((value) => value instanceof Error);
  const others = rest.filter((value) => value !== error);
  logger[level](
    { ...(error ? { err: error } : {}), ...(others.length > 0 ? { details: others } : {}) },
    first,
  );
};

/** Each level of `logger`, keeping the errors and values a call passes after its message. */
export const keepingErrors = (logger: pino.Logger): LevelLogger =>
  Object.fromEntries(
    levels.map((level) => [level, (...args: unknown[]) => write(logger, level, args)]),
  ) as LevelLogger;

/**
 * Moleculer's `createLogger` for its Pino logger: one pino for the process
 * (JSON lines on stdout, or `destination`), a child per module with its
 * bindings and level, each keeping the errors its calls pass.
 */
export const moleculerPinoLogger = (options: {
  level: string;
  enabled: boolean;
  destination: NodeJS.WritableStream | null;
}) => {
  const settings = { level: options.level, enabled: options.enabled };
  const root = options.destination
    ? pino(settings, options.destination as pino.DestinationStream)
    : pino(settings);
  return (level: string, bindings: Record<string, unknown>): LevelLogger =>
    keepingErrors(root.child(bindings, { level }));
};
