import type { Plugin } from 'graphql-yoga';

/** Answers smaller than this go as they are: gzip would cost more than it saves. */
const minimumBytes = 1024;

/** Whether the client takes gzip (and did not refuse it with q=0). */
const acceptsGzip = (header: string | null): boolean =>
  (header ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .some(
      (part) => part === 'gzip' || (part.startsWith('gzip;') && !/;\s*q=0(\.0*)?\s*$/.test(part)),
    );

/**
 * GraphQL answers gzipped for clients that take it: a board or the overview is
 * mostly repeated keys, so it shrinks several times over (a phone on a mobile
 * network waits for bytes). Only answers; a compressed request body is not
 * accepted (it would slip past the body size limit).
 */
export const useCompressedAnswers = (): Plugin => ({
  onResponse({ request, response, setResponse, fetchAPI }) {
    if (!acceptsGzip(request.headers.get('accept-encoding'))) return;
    if (!response.body || response.headers.has('content-encoding')) return;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length < minimumBytes) return;
    const headers = new fetchAPI.Headers(response.headers);
    headers.set('content-encoding', 'gzip');
    headers.append('vary', 'accept-encoding');
    headers.delete('content-length');
    setResponse(
      new fetchAPI.Response(response.body.pipeThrough(new fetchAPI.CompressionStream('gzip')), {
        status: response.status,
        statusText: response.statusText,
        headers,
      }),
    );
  },
});
