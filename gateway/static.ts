import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Serves the built web console (`npm run build:web` → `web/dist`): `/` is its
 * page, `/assets/<file>` its scripts and styles. Nothing else is read from disk,
 * and the page's Content-Security-Policy lets it load and call nothing but this
 * origin, so the console works — and can only work — without the internet.
 */
export interface StaticConsole {
  /** True when the request was the console's to answer (and it answered it). */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Echarts sets inline styles on its canvas; scripts and data stay on this origin. */
export const consolePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'content-security-policy': consolePolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** A file read once, with its gzip form: the console is small and never changes while served. */
interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
}

/** Asset names are Vite's hashed file names: no folders, no dots leading. */
const assetName = /^\/assets\/([A-Za-z0-9_-][A-Za-z0-9._-]*)$/;

const load = (file: string): Asset | null => {
  try {
    if (!statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  const body = readFileSync(file);
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  const compressible = /^text\/|javascript|json|svg/.test(type) && body.length > 1024;
  return { type, body, gzip: compressible ? gzipSync(body, { level: 9 }) : null };
};

const notBuilt = (dir: string) =>
  `<!doctype html><meta charset="utf-8"><title>督查督办</title>` +
  `<p>The console is not built (no ${dir}/index.html). Run <code>npm run build:web</code>, ` +
  `or use the GraphQL API at <a href="/graphql">/graphql</a>.</p>`;

const send = (request: IncomingMessage, response: ServerResponse, asset: Asset, cache: string) => {
  const gzip = asset.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzip! : asset.body;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': asset.type,
    'content-length': body.length,
    'cache-control': cache,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
};

/** The console's pages from `dir` (default `web/dist` under the working directory). */
export const createStaticConsole = (dir = path.resolve('web', 'dist')): StaticConsole => {
  // Only files found are kept: names asked for in vain must not grow the map.
  const cache = new Map<string, Asset>();
  const asset = (name: string): Asset | null => {
    const known = cache.get(name);
    if (known) return known;
    const found = load(path.join(dir, name));
    if (found) cache.set(name, found);
    return found;
  };
  return {
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const pathname = (request.url ?? '/').split('?')[0] ?? '/';
      if (pathname === '/' || pathname === '/index.html') {
        const page = asset('index.html');
        if (page) send(request, response, page, 'no-cache');
        else {
          response.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
          response.end(notBuilt(dir));
        }
        return true;
      }
      const name = assetName.exec(pathname)?.[1];
      if (!pathname.startsWith('/assets/')) return false;
      const file = name ? asset(path.join('assets', name)) : null;
      if (file) send(request, response, file, 'public, max-age=31536000, immutable');
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return true;
    },
  };
};
