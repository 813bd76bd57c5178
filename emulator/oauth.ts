/**
 * Stripe Connect OAuth, both ends, for the emulator's single account: `GET /oauth/authorize` approves at
 * once (302 to `redirect_uri` with `code=ac_...`), `POST /oauth/token` exchanges the code (or a refresh
 * token) for an `sk_test_` access token that works as an API key, and `POST /oauth/deauthorize` revokes
 * the tokens of a client. Errors use Stripe's OAuth shape `{error, error_description}`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FormObject } from './form-decode.js';
import { checkNotRevoked, isTestKey, keyFromHeader, maskKey } from './guards.js';
import { newId, nowSeconds, randomToken } from './ids.js';
import type { OAuthToken, State } from './store.js';

export interface OAuthDeps {
  state: () => State;
  onMutation: () => void;
}

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

function form(value: unknown): FormObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormObject) : {};
}

function text(p: FormObject, key: string): string | undefined {
  const v = p[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function required(p: FormObject, key: string): string {
  const v = text(p, key);
  if (v === undefined) throw new OAuthError(400, 'invalid_request', `Missing required param: ${key}.`);
  return v;
}

function redirectTarget(p: FormObject): URL {
  const raw = required(p, 'redirect_uri');
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through
  }
  throw new OAuthError(400, 'invalid_request', `Invalid redirect_uri: '${raw}'. It must be an absolute URL.`);
}

/** Validates the request and returns the URL (with query) the user would be sent back to. */
function authorize(state: State, p: FormObject): string {
  const clientId = required(p, 'client_id');
  if (!/^ca_\w+$/.test(clientId)) {
    throw new OAuthError(400, 'invalid_client', `No such application: '${clientId}'`);
  }
  const target = redirectTarget(p);
  const responseType = required(p, 'response_type');
  if (responseType !== 'code') {
    throw new OAuthError(400, 'unsupported_response_type', `Unsupported response_type: ${responseType}`);
  }
  const scope = text(p, 'scope') ?? 'read_write';
  const stateParam = text(p, 'state');
  const add = (entries: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(entries)) if (v !== undefined) target.searchParams.set(k, v);
    return target.toString();
  };
  if (text(p, 'deny') === 'true') {
    return add({
      error: 'access_denied',
      error_description: 'The user denied your request',
      state: stateParam,
    });
  }
  if (scope !== 'read_write' && scope !== 'read_only') {
    return add({ error: 'invalid_scope', error_description: `Invalid scope: ${scope}`, state: stateParam });
  }
  const code = newId('ac');
  state.oauthCodes.set(code, { code, client_id: clientId, scope, created: nowSeconds(), used: false });
  return add({ scope, code, state: stateParam });
}

/** The platform's secret key: the Authorization header, or `client_secret` in the body. */
function platformKey(state: State, authorization: string | undefined, p: FormObject): string {
  const key = keyFromHeader(authorization) ?? text(p, 'client_secret');
  if (!key) {
    throw new OAuthError(
      401,
      'invalid_client',
      'No authentication was provided. Send your secret API key using the Authorization header, or as a client_secret POST parameter.',
    );
  }
  if (!isTestKey(key))
    throw new OAuthError(401, 'invalid_client', `Invalid API Key provided: ${maskKey(key)}`);
  try {
    checkNotRevoked(state, key);
  } catch {
    throw new OAuthError(401, 'invalid_client', `Expired API Key provided: ${maskKey(key)}`);
  }
  return key;
}

function issue(state: State, clientId: string, scope: string, refreshToken?: string): OAuthToken {
  const token: OAuthToken = {
    access_token: `sk_test_${randomToken(48)}`,
    refresh_token: refreshToken ?? `rt_${randomToken(48)}`,
    client_id: clientId,
    scope,
    stripe_publishable_key: `pk_test_${randomToken(48)}`,
    stripe_user_id: state.accountId,
    created: nowSeconds(),
    revoked: false,
  };
  state.oauthTokens.set(token.access_token, token);
  return token;
}

function exchange(state: State, p: FormObject): OAuthToken {
  const grantType = required(p, 'grant_type');
  if (grantType === 'authorization_code') {
    const code = required(p, 'code');
    const grant = state.oauthCodes.get(code);
    if (!grant) throw new OAuthError(400, 'invalid_grant', `Authorization code does not exist: ${code}`);
    if (grant.used) {
      throw new OAuthError(400, 'invalid_grant', `This authorization code has already been used: ${code}`);
    }
    grant.used = true;
    return issue(state, grant.client_id, grant.scope);
  }
  if (grantType === 'refresh_token') {
    const refresh = required(p, 'refresh_token');
    const current = [...state.oauthTokens.values()].find((t) => t.refresh_token === refresh && !t.revoked);
    if (!current) throw new OAuthError(400, 'invalid_grant', `Invalid refresh token: ${refresh}`);
    return issue(state, current.client_id, current.scope, current.refresh_token);
  }
  throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
}

function deauthorize(state: State, p: FormObject): { stripe_user_id: string } {
  const clientId = required(p, 'client_id');
  const userId = required(p, 'stripe_user_id');
  const tokens = [...state.oauthTokens.values()].filter(
    (t) => t.client_id === clientId && t.stripe_user_id === userId && !t.revoked,
  );
  if (tokens.length === 0) {
    throw new OAuthError(
      400,
      'invalid_client',
      `This application is not connected to stripe account ${userId}, or that account does not exist.`,
    );
  }
  for (const token of tokens) token.revoked = true;
  return { stripe_user_id: userId };
}

function fail(reply: FastifyReply, err: unknown): void {
  if (!(err instanceof OAuthError)) throw err;
  reply.code(err.status).send({ error: err.error, error_description: err.description });
}

export function registerOAuthRoutes(app: FastifyInstance, deps: OAuthDeps): void {
  const withRequestId = (reply: FastifyReply) => reply.header('request-id', newId('req', 14));
  for (const path of ['/oauth/authorize', '/express/oauth/authorize']) {
    app.get(path, async (req, reply) => {
      withRequestId(reply);
      try {
        const location = authorize(deps.state(), form(req.query));
        deps.onMutation();
        reply.redirect(location, 302);
      } catch (err) {
        fail(reply, err);
      }
    });
  }
  const post = (path: string, handler: (state: State, p: FormObject) => object) =>
    app.post(path, async (req, reply) => {
      withRequestId(reply);
      const p = { ...form(req.query), ...form(req.body) };
      try {
        const state = deps.state();
        platformKey(state, req.headers.authorization, p);
        const result = handler(state, p);
        deps.onMutation();
        reply.send(result);
      } catch (err) {
        fail(reply, err);
      }
    });
  post('/oauth/token', (state, p) => {
    const token = exchange(state, p);
    return {
      access_token: token.access_token,
      livemode: false,
      refresh_token: token.refresh_token,
      scope: token.scope,
      stripe_publishable_key: token.stripe_publishable_key,
      stripe_user_id: token.stripe_user_id,
      token_type: 'bearer',
    };
  });
  post('/oauth/deauthorize', deauthorize);
}
