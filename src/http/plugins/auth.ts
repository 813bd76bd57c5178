import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
} from 'fastify';
import { csrfTokenFor, sameSecret } from '../../crypto/tokens.js';
import { type Actor, hasRole, type Role } from '../../domain/roles.js';
import { roleForbidden, VouchError } from '../../errors.js';
import type { ApiKeysService, AuthenticatedKey } from '../../services/api-keys.js';
import type { Limit, SharedRateLimiter } from '../../services/rate-limits.js';
import type { SessionsService, SignedIn } from '../../services/sessions.js';
import { clearSessionCookie, readSessionCookie } from '../session-cookie.js';

/**
 * Who may call a route: anyone; a publishable key, a secret key or a session; a secret key or a session (the
 * default); or only a signed-in session (the session's own routes).
 */
export type AuthLevel = 'public' | 'publishable' | 'secret' | 'session';

/** Who is calling, with the role they act with. */
export type Caller = Actor & { role: Role };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel;
    /** The least role the route needs; by default viewer for GET and HEAD, admin for anything else. */
    role?: Role;
  }
  interface FastifyRequest {
    apiKey: AuthenticatedKey | null;
    /** The dashboard session the request came with (its cookie), when it came with one. */
    session: SignedIn | null;
    /** The caller: a signed-in teammate or an API key; null on public routes. */
    actor: Caller | null;
  }
}

/** The caller as the audit log records it (no role: that is read afresh at each request). */
export function actorOf(request: FastifyRequest): Actor | undefined {
  const caller = request.actor;
  return caller ? { kind: caller.kind, id: caller.id, label: caller.label } : undefined;
}

/** Methods that change nothing: they need no CSRF token, and by default only the viewer role. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The role a route needs: what it declares, or the fail-closed default for its method. */
export function neededRole(method: string, declared: Role | undefined): Role {
  return declared ?? (SAFE_METHODS.has(method) ? 'viewer' : 'admin');
}

const notSignedIn = () =>
  new VouchError(
    401,
    'authentication_error',
    'session_missing',
    'Not signed in: sign in with POST /v1/sessions (the dashboard does it for you).',
  );

const sessionEnded = () =>
  new VouchError(
    401,
    'authentication_error',
    'session_expired',
    'Your session has ended (signed out, idle too long, or past its lifetime); sign in again.',
  );

/**
 * Every route needs a secret key or a session unless it says otherwise, and the admin role for anything but
 * reading, so a route added without a setting fails closed. A request with an Authorization header is
 * judged by its key alone; one without, by its session cookie. Cookies are sent by the browser on its own,
 * so a session's writes also need the CSRF token (x-csrf-token) that only the dashboard's page can read.
 * Wrong keys and unknown session tokens are counted per client across processes; past `failuresPerClient`
 * in ten minutes the client is refused (429) whatever it sends, until the window ends.
 */
export function registerAuth(
  app: FastifyInstance,
  deps: {
    apiKeys: ApiKeysService;
    sessions: SessionsService;
    limiter: SharedRateLimiter;
    failuresPerClient: number;
  },
): void {
  const { apiKeys, sessions, limiter } = deps;
  const wrongKeys: Limit = {
    name: 'auth-failures',
    max: deps.failuresPerClient,
    windowMs: 10 * 60_000,
    message: 'Too many requests with a wrong API key from this client; wait and check the key you send.',
  };
  app.decorateRequest('apiKey', null);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  const byKey = async (request: FastifyRequest, level: AuthLevel): Promise<void> => {
    let key: AuthenticatedKey;
    try {
      key = await apiKeys.authenticate(request.headers.authorization);
    } catch (error) {
      if (error instanceof VouchError && error.code === 'api_key_invalid')
        await limiter.hit(wrongKeys, request.ip);
      throw error;
    }
    if (level !== 'publishable' && key.kind !== 'secret') {
      throw new VouchError(
        403,
        'permission_error',
        'secret_key_required',
        'This endpoint needs a secret key (vch_sk_...); publishable keys are for browsers and public endpoints only.',
      );
    }
    request.apiKey = key;
    request.actor = { kind: 'api_key', id: key.id, label: key.name, role: key.role };
  };

  const bySession = async (request: FastifyRequest, reply: FastifyReply, token: string | undefined) => {
    if (!token) throw notSignedIn();
    const found = await sessions.authenticate(token);
    if (found.state !== 'live') {
      if (found.state === 'unknown') await limiter.hit(wrongKeys, request.ip);
      clearSessionCookie(reply);
      throw sessionEnded();
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenFor(token))) {
        throw new VouchError(
          403,
          'permission_error',
          'csrf_token_invalid',
          'A signed-in request that changes something needs the x-csrf-token header, with the csrf_token of GET /v1/session.',
        );
      }
    }
    const { user } = found.session;
    request.session = found.session;
    request.actor = { kind: 'user', id: user.id, label: user.email, role: user.role };
  };

  const authenticate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    level: AuthLevel,
    role: Role | undefined,
  ) => {
    limiter.check(wrongKeys, request.ip);
    const cookie = readSessionCookie(request.headers.cookie);
    if (level === 'session' || (request.headers.authorization === undefined && cookie !== undefined))
      await bySession(request, reply, cookie);
    else await byKey(request, level);
    // A publishable key's reach is its routes (those marked publishable), whatever its role.
    if (request.apiKey?.kind === 'publishable') return;
    const needed = neededRole(request.method, role);
    if (!hasRole(request.actor!.role, needed)) throw roleForbidden(needed, request.actor!.role);
  };

  // Each route that is not public gets the hook when it is added, knowing its level and role: a public route
  // (a referral link) runs none, and no request looks its route's settings up. A route says `public` to go
  // without; any other, whatever registers it, is authenticated.
  app.addHook('onRoute', (route) => {
    const config: FastifyContextConfig = route.config ?? {};
    const level = config.auth ?? 'secret';
    if (level === 'public') return;
    const hook: onRequestHookHandler = (request, reply, done) => {
      authenticate(request, reply, level, config.role).then(() => done(), done);
    };
    // A new list, not the given one changed: a GET's HEAD route starts from the options as given.
    route.onRequest = [hook, ...[route.onRequest ?? []].flat()];
  });
}
