import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Serves the browser snippet, GET /v1/vouch.js. (Filled in with the snippet itself.) */
export const snippetRoutes = (): FastifyPluginAsyncZod => async () => {};
