import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceBroker } from 'moleculer';

/** What the checkpoint action answers. */
interface CheckpointAnswer {
  note: string;
  treeSize: number;
  verifierKey: string;
}

const headers = (type: string) => ({
  'content-type': type,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});

const text = (response: ServerResponse, status: number, body: string) =>
  response.writeHead(status, headers('text/plain; charset=utf-8')).end(body);

const json = (response: ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, headers('application/json; charset=utf-8')).end(JSON.stringify(body));

const statusOf: Record<string, number> = { VALIDATION: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

/** A posted body, at most `limit` bytes; null past it. */
const bodyOf = async (request: IncomingMessage, limit: number): Promise<string | null> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** What an action's error carries: a broker error's type and data, or a DomainError's code and details. */
type ActionError = {
  type?: string;
  code?: string;
  message?: string;
  data?: { field?: string };
  details?: { field?: string };
};

/** An action's error as the JSON these routes answer: its code, field and message; 503 when unknown. */
const failed = (response: ServerResponse, error: unknown) => {
  const { type, code: domainCode, message, data, details } = error as ActionError;
  const named = type ?? domainCode;
  const code = named && named in statusOf ? named : 'UNAVAILABLE';
  const field = (data ?? details)?.field;
  const body = {
    error: {
      code,
      ...(field ? { field } : {}),
      message: code === 'UNAVAILABLE' ? 'the audit log cannot answer now' : message,
    },
  };
  json(response, statusOf[code] ?? 503, body);
};

/**
 * The audit log's transparency endpoints, public as its key is, for witnesses
 * and auditors without an account:
 *
 * - `GET /audit/checkpoint`: the latest signed head as a c2sp.org/tlog-checkpoint
 *   signed note (404 before the first head);
 * - `GET /audit/checkpoint/key`: the verifier key to check it with;
 * - `GET /audit/proof?from=N[&to=M]`: the consistency proof from the
 *   checkpoint of size N to that of size M (the latest when absent);
 * - `GET /audit/keys`: every rotation of the signing key, each signed by the
 *   key it hands on from, so a witness pinned to an old key can follow;
 * - `POST /audit/cosignature`: a witness's cosigned checkpoint (text), kept
 *   when configured witnesses' cosignatures in it hold.
 *
 * Answers true when the request was one of them.
 */
export const createAuditRoutes = (broker: ServiceBroker) => ({
  async handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://gateway');
    if (!url.pathname.startsWith('/audit/')) return false;
    const posting = url.pathname === '/audit/cosignature';
    const allowed = posting ? ['POST'] : ['GET', 'HEAD'];
    if (!allowed.includes(request.method ?? '')) {
      response.writeHead(405, { allow: allowed.join(', ') }).end();
      return true;
    }
    try {
      if (posting) {
        const note = await bodyOf(request, 16_384);
        if (note === null)
          json(response, 413, {
            error: { code: 'VALIDATION', field: 'note', message: 'note: must be at most 16 KiB' },
          });
        else json(response, 200, await broker.call('audit.recordCosignature', { note }));
      } else if (url.pathname === '/audit/checkpoint') {
        const answer = (await broker.call('audit.checkpoint')) as CheckpointAnswer | null;
        if (answer === null) text(response, 404, 'no tree head has been signed yet\n');
        else text(response, 200, answer.note);
      } else if (url.pathname === '/audit/checkpoint/key') {
        text(response, 200, `${(await broker.call('audit.checkpointKey')) as string}\n`);
      } else if (url.pathname === '/audit/keys') {
        json(response, 200, await broker.call('audit.keyRotations'));
      } else if (url.pathname === '/audit/proof') {
        const params = Object.fromEntries(url.searchParams);
        json(response, 200, await broker.call('audit.checkpointProof', params));
      } else {
        text(response, 404, 'not found\n');
      }
    } catch (error) {
      failed(response, error);
    }
    return true;
  },
});
