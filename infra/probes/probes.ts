import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { ServiceBroker } from 'moleculer';

/**
 * One action of every service the gateway forwards to: the gateway is ready only
 * when each has a node to answer it, wherever that node runs.
 */
export const gatewayActions: readonly string[] = [
  'tasks.registerTask',
  'directory.registerUnit',
  'views.task',
  'rules.inForce',
  'boards.overview',
  'audit.searchHistory',
  'supervision.runClock',
];

/** Calls that prove the stores behind the services answer, not only the services. */
const gatewayHealthCalls = ['tasks.health', 'views.health'];

export interface Readiness {
  ready: boolean;
  /** Why not: `transporter` while disconnected, else the actions without a node. */
  missing: string[];
}

/** Whether the broker runs, its transporter (if any) is connected, and `actions` can be called. */
export const brokerReadiness = (broker: ServiceBroker, actions: readonly string[]): Readiness => {
  // Waiting for NATS is the likelier reason, and the one an operator can act on.
  if (broker.transit && !broker.transit.connected) {
    return { ready: false, missing: ['transporter'] };
  }
  if (!broker.started) return { ready: false, missing: ['broker'] };
  const missing = actions.filter(
    (action) => !broker.registry.getActionEndpoints(action)?.hasAvailable(),
  );
  return { ready: missing.length === 0, missing };
};

const reply = (response: ServerResponse, status: number, body: object) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * Answers /healthz (liveness: the process is up and serving) and /readyz
 * (readiness: see `brokerReadiness`; on the gateway also its stores answer).
 * Returns false for any other path. An orchestrator restarts on the first and
 * routes traffic on the second.
 */
export const createProbeHandler = (broker: ServiceBroker, gateway: boolean) => {
  const actions = gateway ? gatewayActions : [];
  const ready = async (): Promise<Readiness> => {
    const found = brokerReadiness(broker, actions);
    if (!found.ready || !gateway) return found;
    try {
      await Promise.all(
        gatewayHealthCalls.map((action) => broker.call(action, {}, { timeout: 2000 })),
      );
      return found;
    } catch {
      return { ready: false, missing: gatewayHealthCalls };
    }
  };
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      reply(response, 200, { status: 'ok' });
      return true;
    }
    if (path !== '/readyz') return false;
    void ready().then((found) =>
      found.ready
        ? reply(response, 200, { status: 'ready' })
        : reply(response, 503, { status: 'unavailable', missing: found.missing }),
    );
    return true;
  };
};

/**
 * The HTTP server of a node: probes first, so liveness answers while the broker
 * is still connecting; everything else goes to the gateway (404 on a node that
 * serves only probes).
 */
export const createFrontDoor = (
  probe: (request: IncomingMessage, response: ServerResponse) => boolean,
  gateway: Server | null,
): Server =>
  createServer((request, response) => {
    if (probe(request, response)) return;
    if (gateway) gateway.emit('request', request, response);
    else reply(response, 404, { status: 'not found' });
  });
