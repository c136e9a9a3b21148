import path from 'node:path';
import { ConfigError, loadConfig, redactUrl, serviceNames } from '../../infra/config/config.ts';
import { natsOptions, redactedTransporter } from '../../moleculer.config.ts';

const refused = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
};

/** How tokens are verified when nothing is set: the embedded HS256 tokens. */
const tokenVerificationDefaults = {
  authJwksUrl: null,
  authPublicKeyFile: null,
  authIssuer: 'dubanju',
  authAudience: 'dubanju',
  authClockSkewSeconds: 30,
  authMaxTokenHours: 24,
  authRoleClaim: 'role',
  authUnitClaim: 'unit',
};

/** The gateway's defences when nothing is set. */
const gatewayDefenceDefaults = {
  graphqlMaxDepth: 12,
  graphqlMaxCost: 20_000,
  graphqlMaxAliases: 30,
  graphqlMaxDirectives: 10,
  graphqlMaxTokens: 5000,
  graphqlMaxBodyBytes: 1_048_576,
  graphqlMaxBatch: 10,
  graphqlIntrospection: true,
  graphqlPersistedOperationsFile: null,
  graphqlPersistedOnly: false,
  rateLimitPerMinute: 600,
  gatewayMaxInFlight: 64,
  corsOrigins: [],
  tlsTerminated: false,
  httpRequestTimeoutMs: 30_000,
  httpMaxConnections: 1024,
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
      'notifications',
    ]);
  });

  it('reads the system clock', () => {
    expect(config.clock).toBe('system');
  });

  it('leaves the log format to the terminal', () => {
    expect(config.logFormat).toBe('auto');
  });

  it('serves GraphiQL outside production', () => {
    expect(config.production).toBe(false);
    expect(config.graphiql).toBe(true);
  });

  it('reads and builds the boards in a worker thread unless BOARDS_WORKER=false', () => {
    expect(loadConfig({}).boardsWorker).toBe(true);
    expect(loadConfig({ BOARDS_WORKER: 'false' }).boardsWorker).toBe(false);
  });

  it('checks the stored log in a worker thread unless AUDIT_CHECK_WORKER=false', () => {
    expect(loadConfig({}).auditCheckWorker).toBe(true);
    expect(loadConfig({ AUDIT_CHECK_WORKER: 'false' }).auditCheckWorker).toBe(false);
  });

  it('serves the console built in web/dist unless CONSOLE_DIR says', () => {
    expect(loadConfig({}).consoleDir).toBe(path.resolve('web', 'dist'));
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

  it('ends the past days’ boards worker after 10 idle minutes, or never when set to 0', () => {
    expect(config.boardsPastIdleSeconds).toBe(600);
    expect(loadConfig({ BOARDS_PAST_IDLE_SECONDS: '0' }).boardsPastIdleSeconds).toBe(0);
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
      LOG_FORMAT: '',
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

  it('warms a node up before it is offered, unless told not to; elsewhere only when asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).warmUpRequests).toBe(600);
    expect(loadConfig({ NODE_ENV: 'production', WARM_UP_REQUESTS: '0' }).warmUpRequests).toBe(0);
    expect(loadConfig({}).warmUpRequests).toBe(0);
    expect(loadConfig({ WARM_UP_REQUESTS: '40' }).warmUpRequests).toBe(40);
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
    ['LOG_FORMAT', 'colourful'],
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
    ['BOARDS_CACHED_DAYS', '0'],
    ['BOARDS_CACHED_DAYS', '367'],
    ['BOARDS_CACHED_DOCUMENTS', '-1'],
    ['BOARDS_CACHED_DOCUMENTS', 'many'],
    ['BOARDS_WORKER_MEMORY_MB', '255'],
    ['BOARDS_PAST_IDLE_SECONDS', '-1'],
    ['BOARDS_PAST_IDLE_SECONDS', '604801'],
    ['AUDIT_ORIGIN', 'duban example'],
    ['AUDIT_WITNESS_KEYS', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['AUDIT_WITNESS_KEYS', 'not-a-key'],
    ['AUDIT_WITNESS_QUORUM', '0'],
    ['AUDIT_SELF_CHECK_SECONDS', '0'],
    ['AUDIT_FULL_CHECK_SECONDS', '0'],
    ['AUDIT_ORIGIN', 'duban+audit'],
    ['AUDIT_ORIGIN', ''],
    ['BOARDS_WORKER_MEMORY_MB', '65537'],
    ['BOARDS_KEPT_DAYS', '-1'],
    ['BOARDS_KEPT_DAYS', '3661'],
    ['REBUILD_KEPT_DOCUMENTS', '999'],
    ['REBUILD_KEPT_DOCUMENTS', 'many'],
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
      LOG_FORMAT: 'pretty',
      GRAPHIQL: 'no',
      TRANSPORTER: 'nats://nats:4222',
      LEASE_STORE: 'embedded',
      NODE_ID: 'node-7',
      NODE_KIND: 'projection',
      NODE_KEY_FILE: '/etc/dubanju/node.pem',
      BUS_KEY_FILE: '/etc/dubanju/bus-key',
      NODE_TRUSTED_KEYS: 'gateway:person:AAAA, tasks:system+forward:BBBB',
      SERVICES: 'gateway, views',
      SQLITE_SYNCHRONOUS: 'FULL',
      CLOCK: '2021-03-01T08:00:00Z',
      PROJECTOR_POLL_MS: '10',
      PROJECTOR_BATCH_SIZE: '1',
      PROJECTOR_COALESCE_MS: '3',
      AUDIT_SIGN_EVERY: '5',
      AUDIT_SIGN_SECONDS: '2',
      AUDIT_SIGNING_KEY_FILE: '/etc/dubanju/audit.pem',
      EVENT_WRITE_KEY_FILE: '/etc/dubanju/event-write-key',
      AUDIT_ORIGIN: 'duban.example.gov.cn/audit',
      AUDIT_CHECK_WORKER: 'false',
      SUPERVISION_CLOCK_INTERVAL_MS: '60000',
      BOARDS_CACHED_DAYS: '12',
      BOARDS_CACHED_DOCUMENTS: '250000',
      BOARDS_WORKER: 'false',
      BOARDS_WORKER_MEMORY_MB: '4096',
      BOARDS_KEPT_DAYS: '30',
      BOARDS_PAST_IDLE_SECONDS: '0',
      REBUILD_KEPT_DOCUMENTS: '50000',
      WARM_UP_REQUESTS: '250',
      EVENT_STORE_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      READ_MODEL_STORE_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
      MONGODB_DATABASE: 'dubanju_city',
      CONSOLE_DIR: '/srv/console',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/var/lib/dubanju'),
      jwtSecret: secret,
      logLevel: 'debug',
      logFormat: 'pretty',
      production: false,
      graphiql: false,
      consoleDir: path.resolve('/srv/console'),
      transporter: 'nats://nats:4222',
      nodeId: 'node-7',
      nodeKind: 'projection',
      nodeKeyFile: path.resolve('/etc/dubanju/node.pem'),
      busKeyFile: path.resolve('/etc/dubanju/bus-key'),
      auditPreviousSigningKeyFile: null,
      nodeTrustedKeys: ['gateway:person:AAAA', 'tasks:system+forward:BBBB'],
      services: ['gateway', 'views'],
      sqliteSynchronous: 'FULL',
      clock: '2021-03-01T08:00:00Z',
      projectorPollMs: 10,
      projectorBatchSize: 1,
      projectorCoalesceMs: 3,
      auditSignEvery: 5,
      auditSignSeconds: 2,
      auditSigningKeyFile: path.resolve('/etc/dubanju/audit.pem'),
      auditOrigin: 'duban.example.gov.cn/audit',
      auditWitnessKeys: [],
      eventWriteKeyFile: path.resolve('/etc/dubanju/event-write-key'),
      auditWitnessQuorum: 1,
      auditSelfCheckSeconds: 60,
      auditCheckWorker: false,
      auditFullCheckSeconds: 86400,
      auditReadTallySeconds: 60,
      supervisionClockIntervalMs: 60000,
      boardsCachedDays: 12,
      boardsCachedDocuments: 250_000,
      boardsWorker: false,
      boardsWorkerMemoryMb: 4096,
      boardsKeptDays: 30,
      boardsPastIdleSeconds: 0,
      rebuildKeptDocuments: 50000,
      warmUpRequests: 250,
      eventStoreUrl: 'kurrentdb://kurrentdb:2113?tls=false',
      readModelStoreUrl: 'mongodb://mongo:27017/?replicaSet=rs0',
      mongodbDatabase: 'dubanju_city',
      nats: {
        user: null,
        password: null,
        token: null,
        tlsCaFile: null,
        tlsCertFile: null,
        tlsKeyFile: null,
      },
      lease: { store: 'embedded', ttlMs: 5000, renewMs: 1666 },
      healthPort: 0,
      ...tokenVerificationDefaults,
      ...gatewayDefenceDefaults,
      notify: {
        smtp: null,
        dingtalk: null,
        wecom: null,
        sms: null,
        quietHours: { startMinute: 22 * 60, endMinute: 7 * 60 + 30 },
        senderIntervalMs: 1000,
        senderConcurrency: 8,
        retry: { baseMs: 1000, capMs: 600_000 },
      },
    });
  });

  it('accept the port range bounds and a tls:// transporter', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(
      loadConfig({ TRANSPORTER: 'tls://nats:4222', LEASE_STORE: 'embedded' }).transporter,
    ).toBe('tls://nats:4222');
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

describe('a node of a distributed deployment', () => {
  const nats = 'nats://nats:4222';

  it('elects its roles through the lease store it is told of, on a bus', () => {
    expect(loadConfig({}).lease).toEqual({ store: 'none', ttlMs: 5000, renewMs: 1666 });
    expect(loadConfig({ TRANSPORTER: nats, LEASE_STORE: 'embedded' }).lease.store).toBe('embedded');
    expect(loadConfig({ TRANSPORTER: nats, LEASE_STORE: 'nats' }).lease.store).toBe('nats');
    const postgres = { EVENT_STORE_URL: 'postgres://db/city', LEASE_STORE: 'postgres' };
    expect(loadConfig({ TRANSPORTER: nats, ...postgres }).lease.store).toBe('postgres');
  });

  it('refuses to start a leased role on a bus without LEASE_STORE, which one host would elect alone', () => {
    expect(refused({ TRANSPORTER: nats }).message).toMatch(
      /^LEASE_STORE: must be set with TRANSPORTER on a node running projector, audit or supervision/,
    );
    expect(refused({ TRANSPORTER: nats, SERVICES: 'views,audit' }).message).toMatch(
      /^LEASE_STORE:/,
    );
    // A node without a leased role needs no leases.
    expect(loadConfig({ TRANSPORTER: nats, SERVICES: 'gateway,tasks' }).lease.store).toBe(
      'embedded',
    );
  });

  it('keeps leases in PostgreSQL only beside events there', () => {
    expect(refused({ TRANSPORTER: nats, LEASE_STORE: 'postgres' }).message).toMatch(
      /^LEASE_STORE=postgres: needs EVENT_STORE_URL=postgres:/,
    );
  });

  it('renews a third of the lease time unless LEASE_RENEW_MS says otherwise', () => {
    expect(loadConfig({ LEASE_TTL_MS: '1500' }).lease).toMatchObject({ ttlMs: 1500, renewMs: 500 });
    expect(loadConfig({ LEASE_TTL_MS: '1500', LEASE_RENEW_MS: '750' }).lease.renewMs).toBe(750);
  });

  it('takes NATS credentials, a token and TLS files', () => {
    const file = path.resolve('package.json');
    expect(
      loadConfig({
        TRANSPORTER: nats,
        LEASE_STORE: 'embedded',
        NATS_USER: 'svc',
        NATS_PASSWORD: 's3cret',
        NATS_TLS_CA_FILE: file,
        NATS_TLS_CERT_FILE: file,
        NATS_TLS_KEY_FILE: file,
      }).nats,
    ).toEqual({
      user: 'svc',
      password: 's3cret',
      token: null,
      tlsCaFile: file,
      tlsCertFile: file,
      tlsKeyFile: file,
    });
    expect(loadConfig({ NATS_TOKEN: 't0ken' }).nats.token).toBe('t0ken');
  });

  it('serves probes on HEALTH_PORT when it runs no gateway', () => {
    expect(loadConfig({ HEALTH_PORT: '9100' }).healthPort).toBe(9100);
  });

  it.each([
    ['LEASE_STORE', { LEASE_STORE: 'etcd' }],
    ['LEASE_STORE', { LEASE_STORE: 'nats' }],
    ['LEASE_TTL_MS', { LEASE_TTL_MS: '100' }],
    ['LEASE_RENEW_MS', { LEASE_TTL_MS: '1000', LEASE_RENEW_MS: '600' }],
    ['NATS_PASSWORD', { NATS_USER: 'svc' }],
    ['NATS_USER', { NATS_PASSWORD: 's3cret' }],
    ['NATS_TOKEN', { NATS_TOKEN: 't', NATS_USER: 'u', NATS_PASSWORD: 'p' }],
    ['NATS_TLS_CA_FILE', { NATS_TLS_CA_FILE: '/no/such/ca.pem' }],
    ['NATS_TLS_KEY_FILE', { NATS_TLS_CERT_FILE: path.resolve('package.json') }],
    ['HEALTH_PORT', { HEALTH_PORT: '70000' }],
  ])('a wrong %s stops start-up naming it', (name, env) => {
    const error = refused(env);
    expect(error.message.startsWith(name)).toBe(true);
  });

  it('does not echo a NATS password it refuses', () => {
    expect(refused({ NATS_PASSWORD: 'hunter2' }).message).not.toContain('hunter2');
  });
});

describe('the stores of a configuration', () => {
  it('are the embedded ones with no settings, MongoDB database dubanju when used', () => {
    expect(loadConfig({})).toMatchObject({
      eventStoreUrl: null,
      readModelStoreUrl: null,
      mongodbDatabase: 'dubanju',
    });
    expect(loadConfig({ EVENT_STORE_URL: '', READ_MODEL_STORE_URL: '' }).eventStoreUrl).toBeNull();
  });

  it.each([
    'kurrentdb://localhost:2113?tls=false',
    'kurrentdb+discover://admin:changeit@cluster.local:2113',
    'esdb://localhost:2113?tls=false',
    'esdb+discover://node1:2113,node2:2113',
  ])('take the KurrentDB connection string %s', (url) => {
    expect(loadConfig({ EVENT_STORE_URL: url }).eventStoreUrl).toBe(url);
  });

  it.each([
    'mongodb://localhost:27017/?replicaSet=rs0',
    'mongodb+srv://reader:pw@cluster0.example.net',
  ])('take the MongoDB connection string %s', (url) => {
    expect(loadConfig({ READ_MODEL_STORE_URL: url }).readModelStoreUrl).toBe(url);
  });

  it.each([
    ['EVENT_STORE_URL', 'mysql://localhost/events'],
    ['EVENT_STORE_URL', 'postgres://'],
    ['EVENT_STORE_URL', 'kurrentdb://'],
    ['EVENT_STORE_URL', 'localhost:2113'],
    ['READ_MODEL_STORE_URL', 'mysql://localhost'],
    ['READ_MODEL_STORE_URL', 'mongodb://host name'],
    ['MONGODB_DATABASE', 'a.b'],
    ['MONGODB_DATABASE', 'x'.repeat(64)],
    ['MONGODB_DATABASE', 'my$db'],
  ])('stop start-up on %s=%s, naming the variable', (name, value) => {
    const error = refused({ [name]: value });
    expect(error.message.startsWith(`${name}=`)).toBe(true);
  });

  it('do not echo the password of a URL they refuse', () => {
    const message = refused({ READ_MODEL_STORE_URL: 'mongo://admin:hunter2@db:27017' }).message;
    expect(message).not.toContain('hunter2');
    expect(message).toContain('mongo://admin:***@db:27017');
  });
});

describe('a URL in a message', () => {
  it('has its password masked', () => {
    expect(redactUrl('mongodb://app:s3cret@db1:27017,db2/x?y=1')).toBe(
      'mongodb://app:***@db1:27017,db2/x?y=1',
    );
    expect(redactUrl('kurrentdb://admin:changeit@node:2113')).toBe(
      'kurrentdb://admin:***@node:2113',
    );
  });

  it('is left as it is without a password', () => {
    expect(redactUrl('mongodb://db:27017')).toBe('mongodb://db:27017');
    expect(redactUrl('mongodb://user@db:27017')).toBe('mongodb://user@db:27017');
  });
});

describe('token verification settings', () => {
  it('default to the embedded HS256 tokens: issuer and audience dubanju, 30 s of skew', () => {
    expect(loadConfig({})).toMatchObject(tokenVerificationDefaults);
  });

  it('take an identity provider’s JWKS over https, and claim names with dots and slashes', () => {
    const config = loadConfig({
      AUTH_JWKS_URL: 'https://id.gov.example/.well-known/jwks.json',
      AUTH_ISSUER: 'https://id.gov.example',
      AUTH_AUDIENCE: 'supervision',
      AUTH_CLOCK_SKEW_SECONDS: '0',
      AUTH_ROLE_CLAIM: 'https://id.gov.example/claims/role',
      AUTH_UNIT_CLAIM: 'org.unit_code',
    });
    expect(config).toMatchObject({
      authJwksUrl: 'https://id.gov.example/.well-known/jwks.json',
      authIssuer: 'https://id.gov.example',
      authAudience: 'supervision',
      authClockSkewSeconds: 0,
      authRoleClaim: 'https://id.gov.example/claims/role',
      authUnitClaim: 'org.unit_code',
    });
  });

  it('take a PEM key file, resolved to an absolute path', () => {
    expect(loadConfig({ AUTH_PUBLIC_KEY_FILE: 'keys/idp.pem' }).authPublicKeyFile).toBe(
      path.resolve('keys/idp.pem'),
    );
  });

  it('accept plain http for a JWKS on this machine only', () => {
    expect(loadConfig({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).authJwksUrl).toBe(
      'http://127.0.0.1:8080/jwks',
    );
    expect(refused({ AUTH_JWKS_URL: 'http://id.gov.example/jwks' }).message).toBe(
      'AUTH_JWKS_URL=http://id.gov.example/jwks: must be https (http only for this machine)',
    );
  });

  it.each([
    ['AUTH_JWKS_URL', 'not a url'],
    ['AUTH_CLOCK_SKEW_SECONDS', '601'],
    ['AUTH_CLOCK_SKEW_SECONDS', '-1'],
    ['AUTH_ROLE_CLAIM', 'role claim'],
    ['AUTH_UNIT_CLAIM', 'unit;drop'],
  ])('stop start-up on %s=%s, naming the variable', (name, value) => {
    expect(refused({ [name]: value }).message.startsWith(`${name}=`)).toBe(true);
  });

  it('refuse two key sources at once', () => {
    const error = refused({
      AUTH_JWKS_URL: 'https://id.gov.example/jwks',
      AUTH_PUBLIC_KEY_FILE: 'idp.pem',
    });
    expect(error.message).toContain('AUTH_JWKS_URL and AUTH_PUBLIC_KEY_FILE');
  });
});

describe('the gateway’s defences', () => {
  it('default to limits the console and the tests live within', () => {
    expect(loadConfig({})).toMatchObject(gatewayDefenceDefaults);
  });

  it('hide introspection in production unless GRAPHQL_INTROSPECTION=true', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection,
    ).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(false);
  });

  it('join a bus in production only with credentials, or told to go without', () => {
    const bus = {
      NODE_ENV: 'production',
      TRANSPORTER: 'nats://nats:4222',
      LEASE_STORE: 'embedded',
    };
    expect(refused(bus).message).toMatch(
      /^TRANSPORTER: a production node joins NATS only with credentials/,
    );
    expect(loadConfig({ ...bus, TRANSPORTER_INSECURE: '1' }).transporter).toBe('nats://nats:4222');
    expect(loadConfig({ ...bus, NATS_USER: 'u', NATS_PASSWORD: 'p' }).nats.user).toBe('u');
    expect(loadConfig({ ...bus, NATS_TOKEN: 't' }).nats.token).toBe('t');
    expect(
      loadConfig({ ...bus, TRANSPORTER: 'nats://u:p@nats:4222', LEASE_STORE: 'embedded' })
        .transporter,
    ).toContain('u:p@');
    expect(
      loadConfig({ TRANSPORTER: 'nats://nats:4222', LEASE_STORE: 'embedded' }).transporter,
    ).toBe('nats://nats:4222');
  });

  it('take NODE_KIND as one lower-case token', () => {
    expect(loadConfig({ NODE_KIND: 'commands' }).nodeKind).toBe('commands');
    expect(refused({ NODE_KIND: 'a.b' }).message).toMatch(/^NODE_KIND=a\.b: must be lower-case/);
  });

  it('allow other origins only as listed in CORS_ORIGINS, exact origins, never a wildcard', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://duban.example.gov.cn, http://localhost:5173' })
        .corsOrigins,
    ).toEqual(['https://duban.example.gov.cn', 'http://localhost:5173']);
    for (const bad of [
      '*',
      'https://*.gov.cn',
      'https://a.gov.cn/path',
      'ftp://a.gov.cn',
      'a.gov.cn',
    ]) {
      expect(refused({ CORS_ORIGINS: bad }).message).toContain(
        `CORS_ORIGINS: ${bad}: must be an origin`,
      );
    }
  });

  it('bound the requests in flight per gateway process at 64 unless GATEWAY_MAX_IN_FLIGHT says', () => {
    expect(loadConfig({}).gatewayMaxInFlight).toBe(64);
    expect(loadConfig({ GATEWAY_MAX_IN_FLIGHT: '1' }).gatewayMaxInFlight).toBe(1);
    expect(loadConfig({ GATEWAY_MAX_IN_FLIGHT: '2000' }).gatewayMaxInFlight).toBe(2000);
  });

  it.each(['0', '-1', '100001', 'many', '1.5'])(
    'stop start-up on GATEWAY_MAX_IN_FLIGHT=%s, naming the variable and the range',
    (value) => {
      expect(refused({ GATEWAY_MAX_IN_FLIGHT: value }).message).toBe(
        `GATEWAY_MAX_IN_FLIGHT=${value}: must be an integer between 1 and 100000`,
      );
    },
  );

  it('turn batching and rate limiting off at 0', () => {
    const config = loadConfig({ GRAPHQL_MAX_BATCH: '0', RATE_LIMIT_PER_MINUTE: '0' });
    expect(config.graphqlMaxBatch).toBe(0);
    expect(config.rateLimitPerMinute).toBe(0);
  });

  it('take a persisted operations file, and persisted-only mode with it', () => {
    const config = loadConfig({
      GRAPHQL_PERSISTED_OPERATIONS_FILE: 'ops.json',
      GRAPHQL_PERSISTED_ONLY: 'true',
    });
    expect(config.graphqlPersistedOperationsFile).toBe(path.resolve('ops.json'));
    expect(config.graphqlPersistedOnly).toBe(true);
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['GRAPHQL_MAX_COST', 'lots'],
    ['GRAPHQL_MAX_ALIASES', '-3'],
    ['GRAPHQL_MAX_DIRECTIVES', '1.5'],
    ['GRAPHQL_MAX_TOKENS', '9'],
    ['GRAPHQL_MAX_BODY_BYTES', '100'],
    ['GRAPHQL_MAX_BATCH', '1001'],
    ['GRAPHQL_INTROSPECTION', 'maybe'],
    ['GRAPHQL_PERSISTED_ONLY', 'sometimes'],
    ['RATE_LIMIT_PER_MINUTE', 'unlimited'],
  ])('stop start-up on %s=%s, naming the variable', (name, value) => {
    expect(refused({ [name]: value }).message.startsWith(`${name}=`)).toBe(true);
  });
});

describe('the NATS client options built from the configuration', () => {
  const options = (env: Record<string, string>) => natsOptions(loadConfig(env));

  it('are none without a transporter', () => {
    expect(options({})).toBeNull();
  });

  it('take the servers and credentials of TRANSPORTER, decoded', () => {
    expect(
      options({
        TRANSPORTER: 'nats://svc:p%40ss@nats-1:4222,nats://nats-2:4222',
        LEASE_STORE: 'embedded',
      }),
    ).toMatchObject({
      servers: ['nats-1:4222', 'nats-2:4222'],
      user: 'svc',
      pass: 'p@ss',
      maxReconnectAttempts: -1,
    });
  });

  it('let NATS_USER and NATS_PASSWORD win over the URL, and a token replace both', () => {
    const env = { TRANSPORTER: 'nats://url-user:url-pass@nats:4222', LEASE_STORE: 'embedded' };
    expect(options({ ...env, NATS_USER: 'svc', NATS_PASSWORD: 's3cret' })).toMatchObject({
      user: 'svc',
      pass: 's3cret',
    });
    const token = options({ ...env, NATS_TOKEN: 't0ken' });
    expect(token).toMatchObject({ token: 't0ken' });
    expect(token).not.toHaveProperty('user');
  });

  it('turn TLS on for tls:// or any NATS_TLS_* file, passing the files', () => {
    expect(
      options({ TRANSPORTER: 'nats://nats:4222', LEASE_STORE: 'embedded' }),
    ).not.toHaveProperty('tls');
    expect(options({ TRANSPORTER: 'tls://nats:4222', LEASE_STORE: 'embedded' })).toMatchObject({
      tls: {},
    });
    const file = path.resolve('package.json');
    expect(
      options({
        TRANSPORTER: 'nats://nats:4222',
        LEASE_STORE: 'embedded',
        NATS_TLS_CA_FILE: file,
        NATS_TLS_CERT_FILE: file,
        NATS_TLS_KEY_FILE: file,
      }),
    ).toMatchObject({ tls: { caFile: file, certFile: file, keyFile: file } });
  });

  it('never show the password in a log line', () => {
    expect(redactedTransporter('nats://svc:s3cret@nats:4222,nats://nats-2:4222')).toBe(
      'nats://svc:***@nats:4222,nats://nats-2:4222',
    );
  });
});
