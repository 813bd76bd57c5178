import type { FastifyReply, FastifyRequest } from 'fastify';
import { VouchError } from '../errors.js';

/**
 * Browser calls are allowed only from a campaign's `allowed_origins`. A request with an Origin header from
 * anywhere else is refused outright (not merely left without CORS headers), so a page elsewhere cannot
 * create leads with a copied publishable key. Requests without Origin (servers) pass.
 */
export function applyCampaignCors(
  request: FastifyRequest,
  reply: FastifyReply,
  allowedOrigins: string[],
): void {
  const origin = request.headers.origin;
  reply.header('vary', 'Origin');
  if (!origin) return;
  if (!allowedOrigins.includes(origin)) {
    throw new VouchError(
      403,
      'permission_error',
      'origin_not_allowed',
      `Requests from ${origin} are not allowed for this campaign; add it to the campaign's allowed_origins.`,
    );
  }
  reply.header('access-control-allow-origin', origin);
}

/** Answers a CORS preflight for a campaign's browser endpoint. */
export function answerPreflight(
  request: FastifyRequest,
  reply: FastifyReply,
  allowedOrigins: string[],
  methods: string,
) {
  applyCampaignCors(request, reply, allowedOrigins);
  return reply
    .header('access-control-allow-methods', methods)
    .header('access-control-allow-headers', 'authorization, content-type')
    .header('access-control-max-age', '600')
    .status(204)
    .send();
}

/**
 * An `onSend` hook for browser routes: error responses (bad key, bad body, unknown campaign, rate limit)
 * are readable by the campaign's allowed origins too, so the snippet can tell the page what went wrong.
 * `resolve` answers the allowed origins, or null when the campaign is unknown (its 404 is readable by all).
 */
export function corsOnErrors(resolve: (request: FastifyRequest) => Promise<string[] | null>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const origin = request.headers.origin;
    if (!origin || reply.statusCode < 400 || reply.getHeader('access-control-allow-origin')) return payload;
    const allowed = await resolve(request).catch(() => null);
    if (allowed === null || allowed.includes(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
    return payload;
  };
}
