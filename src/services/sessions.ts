import { DEFAULT_SIGN_IN_LIMITS, type SessionSettings, type SignInLimits } from '../config.js';
import { verifyPassword } from '../crypto/passwords.js';
import { csrfTokenFor, newToken, tokenDigest } from '../crypto/tokens.js';
import type { Database } from '../db/database.js';
import { sessionsRepository } from '../db/repositories/sessions.js';
import { usersRepository } from '../db/repositories/users.js';
import type { Session } from '../domain/accounts.js';
import { normalizeEmail } from '../domain/people.js';
import type { Role } from '../domain/roles.js';
import { VouchError } from '../errors.js';
import type { Limit, SharedRateLimiter } from './rate-limits.js';

/** A live session, as the request that came with its cookie knows it. */
export type SignedIn = {
  id: Buffer;
  token: string;
  user: { id: string; email: string; name: string; role: Role };
  expiresAt: Date;
  idleExpiresAt: Date;
};

/** A new session: the cookie's token (shown only to the browser, never stored) and what the API answers. */
export type StartedSession = { token: string; maxAgeSeconds: number; session: Session };

/** How often a session's last use is written: idle expiry is exact to within this. */
const TOUCH_INTERVAL_MS = 60_000;

const signInFailed = () =>
  new VouchError(
    401,
    'authentication_error',
    'sign_in_failed',
    'Wrong email or password. Check both; an owner can reset a password with `vouch users reset-password`.',
  );

const minDate = (a: Date, b: Date) => (a < b ? a : b);

export function presentSession(signedIn: SignedIn): Session {
  return {
    object: 'session',
    user: signedIn.user,
    csrf_token: csrfTokenFor(signedIn.token),
    expires_at: signedIn.expiresAt.toISOString(),
    idle_expires_at: signedIn.idleExpiresAt.toISOString(),
  };
}

/** Dashboard sessions: signing in and out, and checking the cookie a request comes with. */
export function sessionsService(deps: {
  database: Database;
  limiter: SharedRateLimiter;
  settings: SessionSettings;
  limits?: SignInLimits | undefined;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;
  const limits = deps.limits ?? DEFAULT_SIGN_IN_LIMITS;
  const perAccount: Limit = {
    name: 'sign-in-account',
    max: limits.perAccount,
    windowMs: limits.windowMs,
    message:
      'Too many failed sign-ins for this account; try again after Retry-After (meanwhile an owner can set a ' +
      'new password with `vouch users reset-password`).',
  };
  const perClient: Limit = {
    name: 'sign-in-client',
    max: limits.perClient,
    windowMs: limits.windowMs,
    message: 'Too many failed sign-ins from this client; wait until Retry-After.',
  };

  /**
   * Starts a session for the teammate: a new random token every time, so a token planted before sign-in is
   * never the signed-in one.
   */
  async function start(user: SignedIn['user']): Promise<StartedSession> {
    const token = newToken();
    const at = now();
    const expiresAt = new Date(at.getTime() + deps.settings.absoluteMs);
    await sessionsRepository(db).insert({
      id: tokenDigest(token),
      user_id: user.id,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
    });
    await usersRepository(db).signedIn(user.id, at);
    const idleExpiresAt = minDate(new Date(at.getTime() + deps.settings.idleMs), expiresAt);
    const signedIn = { id: tokenDigest(token), token, user, expiresAt, idleExpiresAt };
    return {
      token,
      maxAgeSeconds: Math.floor(deps.settings.absoluteMs / 1000),
      session: presentSession(signedIn),
    };
  }

  return {
    start,

    /**
     * Signs in with email and password. An unknown email and a wrong password answer the same error after
     * the same work (a password hash is checked either way). Failures count per account and per client;
     * past either limit even the right password is refused until the window ends.
     */
    async signIn(input: { email: string; password: string }, clientIp: string): Promise<StartedSession> {
      const email = normalizeEmail(input.email);
      await deps.limiter.refuseIfSpent(perClient, clientIp);
      await deps.limiter.refuseIfSpent(perAccount, email);
      const user = await usersRepository(db).findByEmail(email);
      if (!(await verifyPassword(input.password, user?.password_hash)) || !user) {
        await deps.limiter.hit(perAccount, email);
        await deps.limiter.hit(perClient, clientIp);
        throw signInFailed();
      }
      return start({ id: user.id, email: user.email, name: user.name, role: user.role });
    },

    /** The live session of a cookie's token: unknown (no such session) or ended (expired, signed out). */
    async authenticate(
      token: string,
    ): Promise<{ state: 'live'; session: SignedIn } | { state: 'unknown' } | { state: 'ended' }> {
      const id = tokenDigest(token);
      const row = await sessionsRepository(db).find(id);
      if (!row) return { state: 'unknown' };
      const at = now();
      const idleEnd = new Date(row.last_seen_at.getTime() + deps.settings.idleMs);
      if (row.revoked_at || row.expires_at <= at || idleEnd <= at) return { state: 'ended' };
      let lastSeen = row.last_seen_at;
      if (at.getTime() - lastSeen.getTime() >= TOUCH_INTERVAL_MS) {
        await sessionsRepository(db).touch(id, at);
        lastSeen = at;
      }
      return {
        state: 'live',
        session: {
          id,
          token,
          user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
          expiresAt: row.expires_at,
          idleExpiresAt: minDate(new Date(lastSeen.getTime() + deps.settings.idleMs), row.expires_at),
        },
      };
    },

    /** Ends this session; answers how many ended (0 when it had already). */
    async signOut(session: SignedIn): Promise<number> {
      return sessionsRepository(db).revoke(session.id, now());
    },

    /** Ends every session of the teammate, on every device, this one included. */
    async signOutEverywhere(userId: string): Promise<number> {
      return sessionsRepository(db).revokeAll(userId, now());
    },
  };
}

export type SessionsService = ReturnType<typeof sessionsService>;
