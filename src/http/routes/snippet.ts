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

/** Serves the browser snippet, GET /v1/vouch.js, read once when the app starts. */
export const snippetRoutes = (): FastifyPluginAsyncZod => async (app) => {
  const source = readFileSync(new URL('../assets/vouch.js', import.meta.url));
  const etag = `"${createHash('sha256').update(source).digest('base64url')}"`;

  app.get(
    '/v1/vouch.js',
    {
      config: { auth: 'public', rateLimit: {} },
      schema: { tags: ['browser'], summary: 'The browser snippet', hide: true },
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
