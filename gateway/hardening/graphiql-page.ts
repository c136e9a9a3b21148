import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** GraphiQL's page, rendered once, and the Content-Security-Policy that lets it run and nothing else. */
export interface GraphiQLPage {
  html: string;
  policy: string;
}

const rendered = new Map<string, GraphiQLPage>();

/**
 * GraphiQL from local assets, rendered once per process and title (9 MB; yoga
 * would render it per request), with a policy allowing exactly its inline
 * scripts (by hash), the workers it starts from blobs, and calls to this origin
 * only.
 */
export const graphiqlPage = (title: string): GraphiQLPage => {
  const known = rendered.get(title);
  if (known) return known;
  const page = renderPage(title);
  rendered.set(title, page);
  return page;
};

const renderPage = (title: string): GraphiQLPage => {
  const html = renderGraphiQL({ title });
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
