import type { Server } from 'node:http';
import type { ServiceBroker } from 'moleculer';
import { createGatewayServer } from '../../gateway/server.ts';
import { loadConfig } from '../../infra/config/config.ts';
import {
  baseUrl,
  createFrontDoor,
  frontDoorOptions,
  listen,
} from '../../infra/probes/front-door.ts';
import { createProbeHandler } from '../../infra/probes/probes.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

interface Answer {
  status: number;
  retryAfter: string | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: Record<string, unknown> | null;
}

const bound = 3;
const unitsQuery = '{ units { id } }';
const registerUnit = 'mutation { registerUnit(input: { id: "late", name: "Late unit" }) { id } }';

/**
 * The test system's broker, with `views.units` held until `release()`: the
 * requests that call it stay in flight for as long as the test says, no clock
 * involved. `held` resolves once `count` of them are inside the resolver.
 */
const holdingUnits = (broker: ServiceBroker, count: number) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived = 0;
  let allArrived = () => {};
  const held = new Promise<void>((resolve) => {
    allArrived = resolve;
  });
  const call = (action: string, params?: unknown, options?: unknown) => {
    if (action !== 'views.units') return broker.call(action, params, options as never);
    arrived += 1;
    if (arrived === count) allArrived();
    return released.then(() => broker.call(action, params, options as never));
  };
  const gated = new Proxy(broker, {
    get: (target, key) => (key === 'call' ? call : Reflect.get(target, key)),
  });
  return { broker: gated, held, release };
};

describe(`a gateway with ${bound} requests in flight, its bound`, () => {
  let sys: TestSystem;
  let office: string;
  let server: Server;
  let url: string;
  let holding: ReturnType<typeof holdingUnits>;

  const post = async (query: string): Promise<Answer> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ...((await response.json()) as object),
    };
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    holding = holdingUnits(sys.system.broker, bound);
    const config = loadConfig({
      DATA_DIR: sys.dataDir,
      GATEWAY_MAX_IN_FLIGHT: String(bound),
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const gateway = createGatewayServer({
      broker: holding.broker,
      secret: sys.system.secret,
      graphiql: false,
      logger: sys.system.broker.getLogger('overload'),
      config,
    });
    const door = createFrontDoor(frontDoorOptions(config));
    door.open(createProbeHandler(holding.broker, true), gateway);
    server = door.server;
    await listen(server, 0, '127.0.0.1');
    url = baseUrl(server, '127.0.0.1');
  });
  afterAll(async () => {
    holding.release();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sys.stop();
  });

  it('refuses one more at once with 503 OVERLOADED and Retry-After, storing nothing, and serves again once they finish', async () => {
    const inFlight = Array.from({ length: bound }, () => post(unitsQuery));
    await holding.held;
    const before = await sys.lastPosition();

    const refused = await post(registerUnit);
    expect(refused).toMatchObject({ status: 503, retryAfter: '1' });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([
      {
        message: `The gateway is working on its limit of ${bound} requests; retry in 1 s.`,
        extensions: { code: 'OVERLOADED', retryAfterSeconds: 1 },
      },
    ]);
    expect(await sys.lastPosition()).toBe(before);

    // Probes and the console's files are not GraphQL work: they answer at the bound.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    await page.arrayBuffer();

    holding.release();
    for (const answer of await Promise.all(inFlight)) {
      expect(answer).toMatchObject({ status: 200, data: { units: [] } });
    }
    const served = await post(registerUnit);
    expect(served).toMatchObject({ status: 200, data: { registerUnit: { id: 'late' } } });
    expect(await sys.lastPosition()).toBeGreaterThan(before);
  });
});
