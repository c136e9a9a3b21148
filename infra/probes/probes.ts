import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceBroker } from 'moleculer';
import type { CatchUpProgress } from './catch-up.ts';
import { processLoopDelay } from './loop-delay.ts';

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
  /**
   * Why not: a store that cannot take writes (named, with the reason), else
   * `transporter` while disconnected, else the actions without a node.
   */
  missing: string[];
  /** While the read models, then the audit index, catch up on the log found at start: how far they are. */
  catchingUp?: CatchUpProgress;
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

/** What /healthz answers: the process is up, and how long its event loop was held up lately. */
export const alive = () => ({ status: 'ok', eventLoopDelay: processLoopDelay() });

export const reply = (response: ServerResponse, status: number, body: object) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** The request's path, without its query. */
export const pathOf = (request: IncomingMessage) => (request.url ?? '/').split('?')[0];

const unready = ({ missing, catchingUp }: Readiness) =>
  catchingUp
    ? { status: 'unavailable', reason: 'catching up', ...catchingUp, missing }
    : { status: 'unavailable', missing };

/** A catch-up whose progress cannot be read is reported by the rest of the readiness. */
const progressOf = (catchingUp: () => Promise<CatchUpProgress | null>) =>
  catchingUp().catch(() => null);

/**
 * Answers /healthz (liveness: the process is up and serving) and /readyz
 * (readiness: see `brokerReadiness`; on the gateway also its stores answer;
 * `storeProblems` names what keeps this process's stores from taking writes, a
 * full disk or a log that lost its tail, and makes it unready while it lasts;
 * `catchingUp` says how far the read models are while they catch up at start,
 * see `startUpCatchUp`, then the audit index, see `createCatchUpReport`).
 * Returns false for any other path. An orchestrator restarts on the first and
 * routes traffic on the second: /healthz answers 200 throughout start-up,
 * catch-up included.
 */
export const createProbeHandler = (
  broker: ServiceBroker,
  gateway: boolean,
  storeProblems: () => string[] = () => [],
  catchingUp: () => Promise<CatchUpProgress | null> = async () => null,
) => {
  const actions = gateway ? gatewayActions : [];
  const ready = async (): Promise<Readiness> => {
    const problems = storeProblems();
    if (problems.length > 0) return { ready: false, missing: problems };
    const progress = await progressOf(catchingUp);
    if (progress) {
      return { ready: false, missing: [progress.of ?? 'read models'], catchingUp: progress };
    }
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
    const path = pathOf(request);
    if (path === '/healthz') {
      reply(response, 200, alive());
      return true;
    }
    if (path !== '/readyz') return false;
    void ready().then((found) =>
      found.ready
        ? reply(response, 200, { status: 'ready' })
        : reply(response, 503, unready(found)),
    );
    return true;
  };
};
