import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config.ts';
import { processLoopDelay } from './loop-delay.ts';
import { alive, pathOf, reply } from './probes.ts';

/** Answers a probe and says true, or says false for any other request. */
export type ProbeHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/** The HTTP server of a node (see `createFrontDoor`). */
export interface FrontDoor {
  server: Server;
  /** From now on `probe` answers the probes, and the gateway (if any) everything else. */
  open(probe: ProbeHandler, gateway: Server | null): void;
}

/** The port a node's front door listens on: the gateway's, else HEALTH_PORT; null: none. */
export const frontDoorPort = (config: Readonly<Config>): number | null => {
  if (config.services.includes('gateway')) return config.port;
  return config.healthPort > 0 ? config.healthPort : null;
};

/** Before the system is composed: alive, not ready. */
const startingProbe: ProbeHandler = (request, response) => {
  const path = pathOf(request);
  if (path === '/healthz') reply(response, 200, alive());
  else if (path === '/readyz') {
    reply(response, 503, { status: 'unavailable', reason: 'starting', missing: ['broker'] });
  } else return false;
  return true;
};

const startingUp = (response: ServerResponse) => {
  response.setHeader('retry-after', '1');
  reply(response, 503, {
    errors: [
      {
        message: 'Starting up; retry in a moment.',
        extensions: { code: 'UNAVAILABLE', retryable: true },
      },
    ],
  });
};

/** How the HTTP server of a node treats every connection and response. */
export interface FrontDoorOptions {
  /** A request (headers and body) must arrive within this; slower ones get 408. */
  requestTimeoutMs: number;
  /** Connections held at once; more are refused. */
  maxConnections: number;
  /** Send HSTS: TLS ends in front of this server, in production. */
  hsts: boolean;
}

/** The front door's options from configuration. */
export const frontDoorOptions = (config: Readonly<Config>): FrontDoorOptions => ({
  requestTimeoutMs: config.httpRequestTimeoutMs,
  maxConnections: config.httpMaxConnections,
  hsts: config.production && config.tlsTerminated,
});

/**
 * The HTTP server of a node, probes first, so that liveness answers while the
 * broker waits for NATS and while the read models catch up; everything else goes
 * to the gateway (404 on a node that serves only probes). `main.ts` listens
 * with it before the rest of the system is even loaded: until `open`, /healthz
 * answers 200, /readyz 503 and any other request 503 UNAVAILABLE. Every
 * response says `nosniff` (and HSTS where asked); requests that arrive too
 * slowly and connections past the limit are refused.
 */
export const createFrontDoor = (options: FrontDoorOptions): FrontDoor => {
  // From the moment the node listens, /healthz says how long its loop was held up.
  processLoopDelay();
  let probe = startingProbe;
  let gateway: Server | null = null;
  let opened = false;
  const server = createServer(
    {
      // A client trickling its request (one byte every few seconds) is cut off
      // after the timeout, checked twice per timeout (Node checks every 30 s).
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: Math.min(options.requestTimeoutMs, 20_000),
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(options.requestTimeoutMs / 2)),
    },
    (request, response) => {
      response.setHeader('x-content-type-options', 'nosniff');
      if (options.hsts) {
        response.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
      }
      answer(request, response);
    },
  );
  server.maxConnections = options.maxConnections;
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    if (probe(request, response)) return;
    if (gateway) gateway.emit('request', request, response);
    else if (opened) reply(response, 404, { status: 'not found' });
    else startingUp(response);
  };
  return {
    server,
    open(answering, serving) {
      probe = answering;
      gateway = serving;
      opened = true;
    },
  };
};

/** Listens on `port` (0: any free port). */
export const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** The base URL of a listening server, e.g. http://127.0.0.1:4000. */
export const baseUrl = (server: Server, host: string): string => {
  const { port } = server.address() as AddressInfo;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
};
