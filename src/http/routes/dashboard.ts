import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VouchError } from '../../errors.js';
import { htmlHeaders, page } from '../html/layout.js';

/**
 * Where `vite build` put the dashboard (web/vite.config.ts): dist/web of the checkout. Run from source (tsx),
 * this file is src/http/routes/dashboard.ts; built, it is dist/src/http/routes/dashboard.js.
 */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../../dist/web/' : '../../../web/', import.meta.url),
);

/** Where `vite build` writes the page's nonce (web/vite.config.ts, `html.cspNonce`); replaced per response. */
const NONCE_PLACEHOLDER = 'VOUCH_CSP_NONCE';

/**
 * The dashboard's Content-Security-Policy, for one response. Scripts come only from the hashed files beside
 * the page, and the page talks only to this origin. Stylesheets come from those files too; a `<style>`
 * element applies only with this response's nonce, which the page hands to what writes them at run time
 * (Mantine's CSS variables and global classes, its modals' scroll lock: web/src/style-nonce.ts). Style
 * attributes are refused (`style-src` is their fallback): React sets inline styles through the CSSOM, which
 * a policy does not govern. `style-src` repeats the element rule for browsers without `style-src-elem`.
 */
export function dashboardCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** 128 random bits, base64: a nonce no one can guess, new for every page served. */
const newNonce = () => randomBytes(16).toString('base64');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text worth compressing; images and fonts already are. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

type Asset = { body: Buffer; gzip: Buffer | null; type: string };

/** `html` is index.html cut at each nonce placeholder: joined with a fresh nonce for every response. */
type Build = { html: string[]; names: Set<string>; assetsDir: string; cache: Map<string, Asset> };

/** The built dashboard, or null when it was not built. The file list is read once; each file on first use. */
function loadBuild(dir: string): Build | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const assetsDir = join(dir, 'assets');
  const names = existsSync(assetsDir)
    ? new Set(
        readdirSync(assetsDir, { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name),
      )
    : new Set<string>();
  return { html: readFileSync(index, 'utf8').split(NONCE_PLACEHOLDER), names, assetsDir, cache: new Map() };
}

function readAsset(build: Build, name: string): Asset {
  let asset = build.cache.get(name);
  if (!asset) {
    const extension = extname(name).toLowerCase();
    const body = readFileSync(join(build.assetsDir, name));
    asset = {
      body,
      gzip: COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null,
      type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    };
    build.cache.set(name, asset);
  }
  return asset;
}

const acceptsGzip = (request: FastifyRequest) =>
  /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

const NOT_BUILT = page(
  'The dashboard is not built',
  '<h1>The dashboard is not built</h1>' +
    '<p>This Vouch was installed without building its dashboard. Run <code>npm run build</code> ' +
    '(or <code>npm ci</code>, which builds it) in the Vouch folder, then restart Vouch.</p>' +
    '<p>The API at <code>/v1</code> works without it.</p>',
);

/**
 * The dashboard at /dashboard: a single-page app built by `vite build` into `dir`. Every client-side route
 * answers index.html (never stored, under a strict CSP with a nonce of its own); the hashed files under
 * /dashboard/assets/ are cached for a year. Public at the HTTP level: the page holds no data, which comes from
 * the API.
 */
export const dashboardRoutes =
  (options: { dir?: string } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const dir = options.dir ?? DEFAULT_DASHBOARD_DIR;
    let build = loadBuild(dir);
    // A build made while Vouch runs is picked up by the next request.
    const current = () => {
      build ??= loadBuild(dir);
      return build;
    };

    const html = async (_request: FastifyRequest, reply: FastifyReply) => {
      const found = current();
      if (!found) {
        return reply
          .status(503)
          .headers(htmlHeaders())
          .header('retry-after', '60')
          .type('text/html; charset=utf-8')
          .send(NOT_BUILT);
      }
      const nonce = newNonce();
      return reply
        .headers({
          // Never stored: each copy carries its own nonce, which must not be served twice.
          'cache-control': 'no-store',
          'content-security-policy': dashboardCsp(nonce),
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        })
        .type('text/html; charset=utf-8')
        .send(found.html.join(nonce));
    };
    const htmlRoute = { config: { auth: 'public' as const, rateLimit: {} }, schema: { hide: true } };
    app.get('/dashboard', htmlRoute, html);
    app.get('/dashboard/*', htmlRoute, html);

    app.get(
      '/dashboard/assets/*',
      { config: { auth: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        const name = (request.params as { '*': string })['*'];
        const found = current();
        // Only the names the build wrote, so no path can reach outside the folder.
        if (!found?.names.has(name)) {
          throw new VouchError(
            404,
            'invalid_request_error',
            'resource_missing',
            'No such dashboard file. Reload the dashboard: a newer version of Vouch may have replaced it.',
          );
        }
        const asset = readAsset(found, name);
        reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .type(asset.type);
        if (!asset.gzip) return reply.send(asset.body);
        reply.header('vary', 'accept-encoding');
        if (!acceptsGzip(request)) return reply.send(asset.body);
        return reply.header('content-encoding', 'gzip').send(asset.gzip);
      },
    );
  };
