import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DASHBOARD_DIR, dashboardRoutes } from '../src/http/routes/dashboard.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  if (!existsSync(join(DEFAULT_DASHBOARD_DIR, 'index.html'))) {
    throw new Error(`The dashboard is not built in ${DEFAULT_DASHBOARD_DIR}: run npm run build first`);
  }
  t = await startTestApp();
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** The scripts index.html loads before anything else: its entry module and the modules it preloads. */
function firstScreenScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...sources, ...preloads];
}

describe('the dashboard page', () => {
  it('answers index.html at /dashboard and at any client route, never stored, under a strict CSP', async () => {
    for (const url of ['/dashboard', '/dashboard/', '/dashboard/settings/stripe/conn_123?after=a,b']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).toMatch(/<script type="module"[^>]*src="\/dashboard\/assets\/index-[\w-]+\.js"/);
    }
  });

  it('gives each response a fresh nonce, in its CSP for style elements and in the page for the app', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await get('/dashboard/settings/teammates');
      const csp = String(res.headers['content-security-policy']);
      const nonce = /style-src-elem 'self' 'nonce-([A-Za-z0-9+/]{22}==)'(;|$)/.exec(csp)?.[1];
      expect(nonce, csp).toBeDefined();
      // Style attributes fall back to style-src, which has the nonce too and so allows no inline style.
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}';`);
      expect(csp).not.toContain('style-src-attr');
      // The page hands it to the code that writes <style> elements; the build's placeholder is gone.
      expect(res.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(res.body).not.toContain('VOUCH_CSP_NONCE');
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('needs no API key and is not in the OpenAPI document', async () => {
    const doc = (await get('/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/dashboard'))).toEqual([]);
  });
});

describe('the dashboard files', () => {
  it('serves a hashed script as JavaScript cached for a year, gzipped when asked', async () => {
    const html = (await get('/dashboard')).body;
    const entry = firstScreenScripts(html)[0]!;
    expect(entry).toMatch(/^\/dashboard\/assets\/index-[\w-]{8,}\.js$/);

    const plain = await get(entry);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');

    const zipped = await get(entry, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);

    const css = html.match(/href="(\/dashboard\/assets\/[\w-]+\.css)"/)?.[1];
    expect(css).toBeDefined();
    const style = await get(css!);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('keeps the first screen under 300 KB of gzipped JavaScript', async () => {
    const scripts = firstScreenScripts((await get('/dashboard')).body);
    let total = 0;
    for (const url of scripts) total += gzipSync((await get(url)).rawPayload).length;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(300 * 1024);
  });

  it('answers 404 in the one error shape for a file that does not exist', async () => {
    const res = await get('/dashboard/assets/index-00000000.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' });
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('refuses paths that climb out of the assets folder', async () => {
    for (const url of [
      '/dashboard/assets/..%2f..%2fpackage.json',
      '/dashboard/assets/..%2F..%2F..%2Fpackage.json',
      '/dashboard/assets/../../package.json',
      '/dashboard/assets/..%5c..%5cpackage.json',
    ]) {
      const res = await get(url);
      expect([400, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('"name": "vouch"');
      expect(res.body, url).not.toContain('<div id="root">');
    }
  });
});

describe('a Vouch whose dashboard was not built', () => {
  const empty = mkdtempSync(join(tmpdir(), 'vouch-no-dashboard-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('answers 503 with a page saying to run npm run build', async () => {
    const app = Fastify();
    await app.register(dashboardRoutes({ dir: empty }));
    try {
      const res = await app.inject({ method: 'GET', url: '/dashboard/settings/api-keys' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('npm run build');
    } finally {
      await app.close();
    }
  });
});
