import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../contracts/errors.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** What a refused client is told to wait: a request in flight takes milliseconds. */
export const overloadRetryAfterSeconds = 1;

const refuse = (response: ServerResponse, max: number) => {
  const retryAfterSeconds = overloadRetryAfterSeconds;
  const body = {
    errors: [
      {
        message: `The gateway is working on its limit of ${max} requests; retry in ${retryAfterSeconds} s.`,
        extensions: { code: 'OVERLOADED' satisfies ErrorCode, retryAfterSeconds },
      },
    ],
  };
  response
    .writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'retry-after': String(retryAfterSeconds),
    })
    .end(JSON.stringify(body));
};

/**
 * At most `max` requests handled at once by this gateway process
 * (GATEWAY_MAX_IN_FLIGHT); one more is answered at once with 503 OVERLOADED and
 * Retry-After, before its body is read or its token verified. Never a queue: a
 * queue only grows while the services are saturated, and a client waiting in it
 * times out anyway, whereas a prompt refusal sends it to another gateway or back
 * a second later. A request counts until its handler has answered, so one whose
 * client went away still counts while its resolvers run.
 */
export const boundInFlight = (max: number, handle: Handler): Handler => {
  let inFlight = 0;
  return async (request, response) => {
    if (inFlight >= max) {
      refuse(response, max);
      return;
    }
    inFlight += 1;
    try {
      await handle(request, response);
    } finally {
      inFlight -= 1;
    }
  };
};
