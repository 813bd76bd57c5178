import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { portalSessionSchema } from '../../domain/portal-session.js';
import { PORTAL_LINK_SECONDS, type PortalService } from '../../services/portal.js';
import { emailSchema, errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const tags = ['portal'];
const expiresIn = z
  .number()
  .int()
  .min(PORTAL_LINK_SECONDS.min)
  .max(PORTAL_LINK_SECONDS.max)
  .optional()
  .describe(`Seconds the link opens the portal; ${PORTAL_LINK_SECONDS.default} when left out`);
const name = z.string().trim().min(1, 'must not be empty').max(100);

/**
 * Sign-in links to a referrer's portal, minted by the business's server (for the embeddable widget, or to
 * send by its own means). Each opens the portal once, within its lifetime.
 */
export const portalSessionRoutes =
  (portal: PortalService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/referrers/:id/portal_sessions',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "A one-time sign-in link to this referrer's portal",
          security: secretKeySecurity,
          params: idParams,
          body: z.strictObject({ expires_in: expiresIn }).nullish(),
          response: { 200: portalSessionSchema, ...errorResponses },
        },
      },
      async (request) => portal.mintLink(request.params.id, request.body?.expires_in),
    );

    app.post(
      '/v1/campaigns/:id/portal_sessions',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            "A one-time sign-in link to the portal of the campaign's referrer with this email; with first_name, someone not yet a referrer joins first",
          security: secretKeySecurity,
          params: idParams,
          body: z.strictObject({
            email: emailSchema,
            first_name: name.optional(),
            last_name: name.nullable().optional(),
            expires_in: expiresIn,
          }),
          response: { 200: portalSessionSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { expires_in, ...person } = request.body;
        return portal.mintLinkByEmail(request.params.id, person, expires_in);
      },
    );
  };
