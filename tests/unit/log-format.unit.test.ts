import { ConfigError } from '../../infra/config/config.ts';
import { chosenLogFormat, logDestination } from '../../infra/log/log-format.ts';

describe('the log format', () => {
  it.each([
    ['auto', false, true, 'pretty'],
    ['auto', false, false, 'json'],
    ['auto', true, true, 'json'],
    ['auto', true, false, 'json'],
    ['json', false, true, 'json'],
    ['pretty', true, false, 'pretty'],
  ] as const)(
    'LOG_FORMAT=%s, production %s, stdout a terminal %s: %s lines',
    (setting, production, tty, format) => {
      expect(chosenLogFormat(setting, production, tty)).toBe(format);
    },
  );
});

describe('where the logs go', () => {
  const missing = () => {
    throw Object.assign(new Error("Cannot find module 'pino-pretty'\nRequire stack: …"), {
      code: 'MODULE_NOT_FOUND',
    });
  };

  it('is stdout, as JSON lines, without ever loading pino-pretty when JSON is chosen', () => {
    const load = jest.fn(missing);
    expect(logDestination({ logFormat: 'auto', production: false }, false, load)).toBeNull();
    expect(logDestination({ logFormat: 'json', production: false }, true, load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('is pino-pretty on a terminal, writing synchronously so lines keep their order', () => {
    const stream = { write: () => true } as unknown as NodeJS.WritableStream;
    const pretty = jest.fn(() => stream);
    const load = jest.fn(() => pretty);
    expect(logDestination({ logFormat: 'auto', production: false }, true, load)).toBe(stream);
    expect(load).toHaveBeenCalledWith('pino-pretty');
    expect(pretty).toHaveBeenCalledWith(expect.objectContaining({ sync: true, colorize: true }));
  });

  it('is the installed pino-pretty when it is there', () => {
    const stream = logDestination({ logFormat: 'pretty', production: false }, false);
    expect(typeof stream?.write).toBe('function');
  });

  it('falls back to JSON lines on a terminal without pino-pretty installed', () => {
    expect(logDestination({ logFormat: 'auto', production: false }, true, missing)).toBeNull();
  });

  it('stops start-up, naming LOG_FORMAT, when pretty lines are asked for without pino-pretty', () => {
    const refuse = () => logDestination({ logFormat: 'pretty', production: true }, false, missing);
    expect(refuse).toThrow(ConfigError);
    expect(refuse).toThrow(
      "LOG_FORMAT=pretty: pino-pretty cannot be loaded (Cannot find module 'pino-pretty'); it is a development dependency: use LOG_FORMAT=json",
    );
  });
});
