import { Writable } from 'node:stream';
import { moleculerPinoLogger } from '../../infra/log/moleculer-pino.ts';

/** A module's logger as Moleculer makes it, writing JSON lines into `lines`. */
const loggerInto = (lines: Record<string, unknown>[], level = 'info') => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return moleculerPinoLogger({ level, enabled: true, destination })(level, { mod: 'projector' });
};

describe("the services' log lines", () => {
  it('keep the error a call passes after its message: type, message, stack and code', () => {
    const lines: Record<string, unknown>[] = [];
    const failure = Object.assign(new Error('Connection terminated unexpectedly'), {
      code: '57P01',
    });
    loggerInto(lines).error('projection failed', failure);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      mod: 'projector',
      msg: 'projection failed',
      err: {
        type: 'Error',
        message: 'Connection terminated unexpectedly',
        code: '57P01',
        stack: expect.stringContaining('Connection terminated unexpectedly'),
      },
    });
  });

  it('keep other values under details, and plain messages and objects as pino has them', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = loggerInto(lines);
    logger.warn('lease projector: retrying', { attempt: 3 });
    logger.info('services ready');
    logger.info({ position: 7 }, 'caught up');
    expect(lines.map(({ msg, details, position }) => ({ msg, details, position }))).toEqual([
      { msg: 'lease projector: retrying', details: [{ attempt: 3 }], position: undefined },
      { msg: 'services ready', details: undefined, position: undefined },
      { msg: 'caught up', details: undefined, position: 7 },
    ]);
  });

  it("write nothing below the module's level", () => {
    const lines: Record<string, unknown>[] = [];
    loggerInto(lines, 'warn').info('not shown');
    expect(lines).toEqual([]);
  });
});
