import type { FastifyInstance, FastifyRequest } from 'fastify';
import { VouchError } from '../../errors.js';
import type { ApiKeysService, AuthenticatedKey } from '../../services/api-keys.js';
import type { Limit, SharedRateLimiter } from '../../services/rate-limits.js';

/** Who may call a route: anyone, a publishable or secret key, or only a secret key (the default). */
export type AuthLevel = 'public' | 'publishable' | 'secret';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel;
  }
  interface FastifyRequest {
    apiKey: AuthenticatedKey | null;
  }
}

/**
 * Every route is secret unless it says otherwise, so a forgotten setting fails closed. Requests with a wrong
 * key are counted per client across processes; past `failuresPerClient` in ten minutes the client is refused
 * (429) whatever key it sends, until the window ends.
 */
export function registerAuth(
  app: FastifyInstance,
  apiKeys: ApiKeysService,
  limiter: SharedRateLimiter,
  failuresPerClient: number,
): void {
  const wrongKeys: Limit = {
    name: 'auth-failures',
    max: failuresPerClient,
    windowMs: 10 * 60_000,
    message: 'Too many requests with a wrong API key from this client; wait and check the key you send.',
  };
  app.decorateRequest('apiKey', null);
  const authenticate = async (request: FastifyRequest, level: AuthLevel): Promise<void> => {
    limiter.check(wrongKeys, request.ip);
    let key: AuthenticatedKey;
    try {
      key = await apiKeys.authenticate(request.headers.authorization);
    } catch (error) {
      if (error instanceof VouchError && error.code === 'api_key_invalid')
        await limiter.hit(wrongKeys, request.ip);
      throw error;
    }
    if (level === 'secret' && key.kind !== 'secret') {
      throw new VouchError(
        403,
        'permission_error',
        'secret_key_required',
        'This endpoint needs a secret key (vch_sk_...); publishable keys are for browsers and public endpoints only.',
      );
    }
    request.apiKey = key;
  };
  // A callback rather than a promise, so that public routes (a referral link) pass at no cost.
  app.addHook('onRequest', (request, _reply, done) => {
    const level = request.routeOptions.config.auth ?? 'secret';
    if (level === 'public' || !request.routeOptions.url) return done();
    authenticate(request, level).then(() => done(), done);
  });
}
