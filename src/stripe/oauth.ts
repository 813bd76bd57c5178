import { describeStripeError, type StripeGateway } from './gateway.js';

/** Stripe Connect OAuth, through the official SDK: the page to send the account owner to, and the code exchange. */
export function authorizeUrl(
  gateway: StripeGateway,
  platformKey: string,
  params: { clientId: string; redirectUri: string; state: string },
): string {
  const url = gateway.forKey(platformKey).oauth.authorizeUrl({
    response_type: 'code',
    client_id: params.clientId,
    scope: 'read_write',
    redirect_uri: params.redirectUri,
    state: params.state,
  });
  // The SDK always builds https://<host>/...; elsewhere than Stripe (sandbox, STRIPE_API_BASE) use that base.
  return gateway.apiBase ? url.replace(/^https:\/\/[^/]+/, gateway.apiBase.replace(/\/+$/, '')) : url;
}

export class OAuthExchangeError extends Error {
  override name = 'OAuthExchangeError';
}

/** Trades the authorization code for the connected account's access token (an API key for that account). */
export async function exchangeCode(
  gateway: StripeGateway,
  platformKey: string,
  code: string,
): Promise<{ accessToken: string; accountId: string }> {
  try {
    const token = await gateway.forKey(platformKey).oauth.token({ grant_type: 'authorization_code', code });
    if (!token.access_token || !token.stripe_user_id)
      throw new OAuthExchangeError('Stripe returned no access token');
    return { accessToken: token.access_token, accountId: token.stripe_user_id };
  } catch (error) {
    if (error instanceof OAuthExchangeError) throw error;
    throw new OAuthExchangeError(
      `Stripe refused the authorization code: ${describeStripeError(error).message}`,
    );
  }
}
