import path from 'node:path';
import { ConfigError, loadConfig, serviceNames } from '../../infra/config/config.ts';

const refused = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
};

describe('a configuration with no settings at all', () => {
  const config = loadConfig({});

  it('runs the embedded mode on the loopback port 4000', () => {
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.transporter).toBe('none');
    expect(config.nodeId).toBeNull();
  });

  it('runs every service', () => {
    expect([...config.services]).toEqual([...serviceNames]);
    expect([...config.services]).toEqual([
      'gateway',
      'tasks',
      'directory',
      'projector',
      'views',
      'audit',
      'supervision',
      'rules',
      'boards',
    ]);
  });

  it('reads the system clock', () => {
    expect(config.clock).toBe('system');
  });

  it('serves GraphiQL outside production', () => {
    expect(config.production).toBe(false);
    expect(config.graphiql).toBe(true);
  });

  it('takes the remaining defaults', () => {
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.jwtSecret).toBeNull();
    expect(config.logLevel).toBe('info');
    expect(config.sqliteSynchronous).toBe('NORMAL');
    expect(config.projectorPollMs).toBe(200);
    expect(config.projectorBatchSize).toBe(500);
  });

  it('signs audit tree heads every 1000 events or 60 seconds with a key in the data directory', () => {
    expect(config.auditSignEvery).toBe(1000);
    expect(config.auditSignSeconds).toBe(60);
    expect(config.auditSigningKeyFile).toBe(path.resolve('data', 'audit-signing-key.pem'));
    expect(loadConfig({ DATA_DIR: '/srv/d' }).auditSigningKeyFile).toBe(
      path.resolve('/srv/d/audit-signing-key.pem'),
    );
  });

  it('runs the supervision clock every hour, or on demand only when set to 0', () => {
    expect(config.supervisionClockIntervalMs).toBe(3_600_000);
    expect(loadConfig({ SUPERVISION_CLOCK_INTERVAL_MS: '0' }).supervisionClockIntervalMs).toBe(0);
    expect(
      loadConfig({ SUPERVISION_CLOCK_INTERVAL_MS: '86400000' }).supervisionClockIntervalMs,
    ).toBe(86_400_000);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(4000);
    expect(Object.isFrozen(config.services)).toBe(true);
  });

  it('runs each named service once', () => {
    expect(loadConfig({ SERVICES: 'gateway,tasks,gateway' }).services).toEqual([
      'gateway',
      'tasks',
    ]);
  });

  it('treats empty variables as unset', () => {
    const blank = loadConfig({
      PORT: '',
      HOST: '',
      LOG_LEVEL: '',
      SERVICES: '',
      TRANSPORTER: '',
      CLOCK: '',
      JWT_SECRET: '',
      GRAPHIQL: '',
      PROJECTOR_POLL_MS: '',
    });
    expect(blank).toEqual(config);
  });
});

describe('a production configuration', () => {
  it('hides GraphiQL unless asked for it', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      production: true,
      graphiql: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
  });
});

describe('a wrong setting', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['PORT', ' '],
    ['PORT', '0x1F'],
    ['PORT', '1e3'],
    ['LOG_LEVEL', 'loud'],
    ['SERVICES', 'gateway,nope'],
    ['TRANSPORTER', 'http://x'],
    ['CLOCK', 'notatime'],
    ['JWT_SECRET', 'short'],
    ['GRAPHIQL', 'maybe'],
    ['PROJECTOR_POLL_MS', '0'],
    ['PROJECTOR_BATCH_SIZE', '10001'],
    ['SQLITE_SYNCHRONOUS', 'OFF'],
    ['AUDIT_SIGN_EVERY', '0'],
    ['AUDIT_SIGN_EVERY', 'often'],
    ['AUDIT_SIGN_SECONDS', '0'],
    ['AUDIT_SIGN_SECONDS', '86401'],
    ['SUPERVISION_CLOCK_INTERVAL_MS', '-1'],
    ['SUPERVISION_CLOCK_INTERVAL_MS', '86400001'],
    ['SUPERVISION_CLOCK_INTERVAL_MS', 'hourly'],
  ])('%s=%s stops start-up naming the variable', (name, value) => {
    const error = refused({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message.startsWith(name)).toBe(true);
  });

  it('names the unknown service', () => {
    expect(refused({ SERVICES: 'gateway,nope' }).message).toContain('unknown service nope');
  });

  it('does not echo a too short secret', () => {
    expect(refused({ JWT_SECRET: 'hunter2' }).message).not.toContain('hunter2');
  });
});

describe('valid overrides', () => {
  it('are taken', () => {
    const secret = 'a'.repeat(32);
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/dubanju',
      JWT_SECRET: secret,
      LOG_LEVEL: 'debug',
      GRAPHIQL: 'no',
      TRANSPORTER: 'nats://nats:4222',
      NODE_ID: 'node-7',
      SERVICES: 'gateway, views',
      SQLITE_SYNCHRONOUS: 'FULL',
      CLOCK: '2021-03-01T08:00:00Z',
      PROJECTOR_POLL_MS: '10',
      PROJECTOR_BATCH_SIZE: '1',
      PROJECTOR_COALESCE_MS: '3',
      AUDIT_SIGN_EVERY: '5',
      AUDIT_SIGN_SECONDS: '2',
      AUDIT_SIGNING_KEY_FILE: '/etc/dubanju/audit.pem',
      SUPERVISION_CLOCK_INTERVAL_MS: '60000',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/var/lib/dubanju'),
      jwtSecret: secret,
      logLevel: 'debug',
      production: false,
      graphiql: false,
      transporter: 'nats://nats:4222',
      nodeId: 'node-7',
      services: ['gateway', 'views'],
      sqliteSynchronous: 'FULL',
      clock: '2021-03-01T08:00:00Z',
      projectorPollMs: 10,
      projectorBatchSize: 1,
      projectorCoalesceMs: 3,
      auditSignEvery: 5,
      auditSignSeconds: 2,
      auditSigningKeyFile: path.resolve('/etc/dubanju/audit.pem'),
      supervisionClockIntervalMs: 60000,
    });
  });

  it('accept the port range bounds and a tls:// transporter', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(loadConfig({ TRANSPORTER: 'tls://nats:4222' }).transporter).toBe('tls://nats:4222');
  });

  it.each([
    ['1', true],
    ['true', true],
    ['yes', true],
    ['0', false],
    ['false', false],
    ['no', false],
  ])('read GRAPHIQL=%s as %s', (value, expected) => {
    expect(loadConfig({ GRAPHIQL: value }).graphiql).toBe(expected);
  });
});
