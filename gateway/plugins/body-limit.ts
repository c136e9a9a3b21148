import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Only a single non-negative integer is a valid Content-Length. */
const wholeNumber = /^\d+$/;

const tooLarge = () =>
  createGraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

/**
 * The request body bounded to `limit` bytes, as yoga's `maxRequestBodySize`
 * bounds it (the same errors, relabelled by `useRequestLimitCodes`), without
 * its cost on every request: a body whose Content-Length is within the limit
 * is read as it is, since Node's HTTP parser delivers no more bytes than that
 * length says (and refuses a request that also says chunked); only a body
 * without a length is counted as it streams in. yoga's own bound piped every
 * body through a transform stream, whose pipeline builds an AbortError when
 * it ends.
 */
export const useBodyLimit = (limit: number): Plugin => ({
  onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
    const length = request.headers.get('content-length');
    if (length != null) {
      if (!wholeNumber.test(length)) {
        throw createGraphQLError('Content-Length header is invalid.', {
          extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
        });
      }
      if (Number(length) > limit) throw tooLarge();
      return;
    }
    if (requestParser == null || request.body == null) return;
    const parse = requestParser;
    setRequestParser((streamed) => {
      const body = streamed.body;
      if (body == null) return parse(streamed);
      let read = 0;
      const counted = body.pipeThrough(
        new fetchAPI.TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            read += chunk.byteLength;
            if (read > limit) controller.error(tooLarge());
            else controller.enqueue(chunk);
          },
        }),
      );
      return parse(
        new fetchAPI.Request(streamed.url, {
          method: streamed.method,
          headers: streamed.headers,
          signal: streamed.signal,
          body: counted,
          duplex: 'half',
        } as RequestInit),
      );
    });
  },
});
