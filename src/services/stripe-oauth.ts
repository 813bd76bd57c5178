import type { SecretBox } from '../crypto/secret-box.js';
import type { Actor } from '../domain/roles.js';
import { VouchError } from '../errors.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { authorizeUrl, exchangeCode } from '../stripe/oauth.js';
import type { Connection, ConnectionsService } from './connections.js';

export type OAuthSettings = { clientId: string; platformKey: string };

const STATE_TTL_MS = 15 * 60_000;

/** What the sealed `state` holds; `actor` is who started the connection (absent in states made before). */
type State = { exp: number; name: string | null; actor?: Actor | null };

/**
 * Connecting by Stripe Connect OAuth. The `state` handed to Stripe is sealed with VOUCH_SECRET (so it cannot
 * be forged and needs no table) and expires after 15 minutes. It carries who started the connection, for the
 * audit log: the callback comes from the account owner's browser, with no credential of Vouch's.
 */
export function stripeOAuth(deps: {
  gateway: StripeGateway;
  box: SecretBox;
  connections: ConnectionsService;
  publicUrl: string;
  settings: OAuthSettings | undefined;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const redirectUri = `${deps.publicUrl}/stripe/oauth/callback`;
  const settings = () => {
    if (!deps.settings) {
      throw new VouchError(
        409,
        'invalid_request_error',
        'oauth_not_configured',
        'Connecting by OAuth needs STRIPE_CONNECT_CLIENT_ID and STRIPE_CONNECT_SECRET_KEY; or connect with an API key.',
      );
    }
    return deps.settings;
  };

  return {
    redirectUri,

    /** The Stripe page where the account owner approves the connection. */
    start(name: string | undefined, actor?: Actor): { url: string; expires_at: string } {
      const { clientId, platformKey } = settings();
      const expires = now().getTime() + STATE_TTL_MS;
      const sealed: State = { exp: expires, name: name ?? null, actor: actor ?? null };
      const state = deps.box.encrypt(JSON.stringify(sealed));
      return {
        url: authorizeUrl(deps.gateway, platformKey, { clientId, redirectUri, state }),
        expires_at: new Date(expires).toISOString(),
      };
    },

    /** Stripe sent the owner back: check the state, exchange the code, connect the account. */
    async finish(params: { code?: string | undefined; state?: string | undefined }): Promise<Connection> {
      const { platformKey } = settings();
      let state: State;
      try {
        state = JSON.parse(deps.box.decrypt(params.state ?? '')) as State;
      } catch {
        throw new VouchError(
          400,
          'invalid_request_error',
          'oauth_state_invalid',
          'This link was not issued by this Vouch. Start the connection again.',
        );
      }
      if (state.exp < now().getTime()) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'oauth_state_expired',
          'This link expired (15 minutes). Start the connection again.',
        );
      }
      if (!params.code)
        throw new VouchError(
          400,
          'invalid_request_error',
          'oauth_code_missing',
          'Stripe sent no authorization code.',
        );
      const { accessToken } = await exchangeCode(deps.gateway, platformKey, params.code).catch(
        (error: Error) => {
          throw new VouchError(400, 'invalid_request_error', 'oauth_exchange_failed', error.message);
        },
      );
      return deps.connections.connect(
        { api_key: accessToken, method: 'oauth', ...(state.name ? { name: state.name } : {}) },
        state.actor ?? undefined,
      );
    },
  };
}

export type StripeOAuth = ReturnType<typeof stripeOAuth>;
