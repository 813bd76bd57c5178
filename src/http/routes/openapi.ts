import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VERSION } from '../../version.js';

export const openapiRoutes = (): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/v1/openapi.json',
    {
      config: { auth: 'public', rateLimit: {} },
      schema: { tags: ['operations'], summary: 'This API as an OpenAPI 3.1 document', hide: true },
    },
    async () => app.swagger(),
  );

  app.get('/', { config: { auth: 'public', rateLimit: {} }, schema: { hide: true } }, async () => ({
    name: 'vouch',
    version: VERSION,
    openapi: '/v1/openapi.json',
    health: '/readyz',
  }));
};
