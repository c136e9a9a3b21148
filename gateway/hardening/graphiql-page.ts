import { createHash } from 'node:crypto';

/** GraphiQL's page and the Content-Security-Policy that lets it run and nothing else. */
export interface GraphiQLPage {
  html: string;
  policy: string;
}

/** `renderGraphiQL` of @graphql-yoga/render-graphiql: the page with its assets inlined. */
export type RenderGraphiQL = (options: { title: string }) => string;

/**
 * GraphiQL from local assets (9 MB; yoga would render it per request, the
 * caller keeps it), with a policy allowing exactly its inline scripts (by
 * hash), the workers it starts from blobs, and calls to this origin only.
 */
export const graphiqlPage = (render: RenderGraphiQL, title: string): GraphiQLPage => {
  const html = render({ title });
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  );
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, policy };
};
