import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** Answers smaller than this go as they are: gzip would cost more than it saves. */
const minimumBytes = 1024;

/** Off the event loop: zlib's asynchronous calls run in libuv's thread pool. */
const gzipped = promisify(gzip);

/** Whether the client takes gzip (and did not refuse it with q=0). */
const acceptsGzip = (header: string | null): boolean =>
  (header ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .some(
      (part) => part === 'gzip' || (part.startsWith('gzip;') && !/;\s*q=0(\.0*)?\s*$/.test(part)),
    );

/** An answer sent whole, not one streamed as it is made (an event stream, multipart parts). */
const isWhole = (contentType: string | null): boolean =>
  !/^(text\/event-stream|multipart\/)/i.test(contentType ?? '');

/**
 * GraphQL answers gzipped for clients that take it: a board or the overview is
 * mostly repeated keys, so it shrinks several times over (a phone on a mobile
 * network waits for bytes). The answer is made whole before it is sent, so it
 * is compressed in one call in libuv's thread pool, not chunk by chunk through
 * streams in the event loop. A streamed answer goes as it is. A compressed
 * request body is not accepted (it would slip past the body size limit).
 */
export const useCompressedAnswers = (): Plugin => ({
  async onResponse({ request, response, setResponse, fetchAPI }) {
    if (!acceptsGzip(request.headers.get('accept-encoding'))) return;
    if (!response.body || response.headers.has('content-encoding')) return;
    if (!isWhole(response.headers.get('content-type'))) return;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length < minimumBytes) return;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = new fetchAPI.Headers(response.headers);
    const small = body.byteLength < minimumBytes;
    const sent = small ? body : await gzipped(body);
    if (!small) {
      headers.set('content-encoding', 'gzip');
      headers.append('vary', 'accept-encoding');
    }
    headers.set('content-length', String(sent.byteLength));
    setResponse(
      new fetchAPI.Response(sent, {
        status: response.status,
        statusText: response.statusText,
        headers,
      }),
    );
  },
});
