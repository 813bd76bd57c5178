import type { FastifyInstance } from 'fastify';
import { VouchError } from '../../errors.js';
import type { ApiKeysService, AuthenticatedKey } from '../../services/api-keys.js';

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

/** Every route is secret unless it says otherwise, so a forgotten setting fails closed. */
export function registerAuth(app: FastifyInstance, apiKeys: ApiKeysService): void {
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request) => {
    const level = request.routeOptions.config.auth ?? 'secret';
    if (level === 'public' || !request.routeOptions.url) return;
    const key = await apiKeys.authenticate(request.headers.authorization);
    if (level === 'secret' && key.kind !== 'secret') {
      throw new VouchError(
        403,
        'permission_error',
        'secret_key_required',
        'This endpoint needs a secret key (vch_sk_...); publishable keys are for browsers and public endpoints only.',
      );
    }
    request.apiKey = key;
  });
}
