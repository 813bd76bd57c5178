import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** True when an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** Serves a script of src/http/assets at `path`, read once when the app starts. */
function serveScript(path: string, file: string, summary: string): FastifyPluginAsyncZod {
  return async (app) => {
    const source = readFileSync(new URL(`../assets/${file}`, import.meta.url));
    const etag = `"${createHash('sha256').update(source).digest('base64url')}"`;
    app.get(
      path,
      {
        config: { auth: 'public', rateLimit: {} },
        schema: { tags: ['browser'], summary, hide: true },
      },
      async (request, reply) => {
        reply
          .header('cache-control', 'public, max-age=300')
          .header('etag', etag)
          // Lets pages load it with Subresource Integrity (crossorigin="anonymous").
          .header('access-control-allow-origin', '*')
          .header('x-content-type-options', 'nosniff');
        if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
        return reply.type('application/javascript; charset=utf-8').send(source);
      },
    );
  };
}

/** Serves the browser snippet, GET /v1/vouch.js, and the portal widget loader, GET /v1/widget.js. */
export const snippetRoutes = (): FastifyPluginAsyncZod => async (app) => {
  await app.register(serveScript('/v1/vouch.js', 'vouch.js', 'The browser snippet'));
  await app.register(serveScript('/v1/widget.js', 'widget.js', "The referrer portal widget's loader"));
};
