import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VERSION } from '../../version.js';

/** The root answers where to go next. */
const rootSchema = z.object({
  name: z.literal('vouch'),
  version: z.string(),
  openapi: z.string().describe('Path of the OpenAPI document'),
  health: z.string().describe('Path of the readiness check'),
});

/** The document as generated; its own schema is OpenAPI 3.1's, not repeated here. */
const documentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const openapiRoutes = (): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/v1/openapi.json',
    {
      config: { auth: 'public', rateLimit: {} },
      schema: {
        tags: ['operations'],
        summary: 'This API as an OpenAPI 3.1 document',
        hide: true,
        response: { 200: documentSchema },
      },
    },
    async () => app.swagger() as z.infer<typeof documentSchema>,
  );

  const root = { hide: true, response: { 200: rootSchema } };
  app.get('/', { config: { auth: 'public', rateLimit: {} }, schema: root }, async () => ({
    name: 'vouch' as const,
    version: VERSION,
    openapi: '/v1/openapi.json',
    health: '/readyz',
  }));
};
