import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'vouch_session';

/** The token a Cookie header carries under `name`, if any (the first one), when it is shaped like a token. */
export function readTokenCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** The session token a request's Cookie header carries, if any (the first `vouch_session`). */
export const readSessionCookie = (header: string | undefined) => readTokenCookie(header, SESSION_COOKIE);

/**
 * Sets a cookie holding a token, for `path` and its pages. HttpOnly: no script reads it (a cross-site script
 * cannot steal it). SameSite=Lax: other sites' forms and scripts do not send it with their POSTs. Secure over
 * https, so it never travels in clear; the scheme is the proxy's when VOUCH_TRUST_PROXY believes its
 * X-Forwarded-Proto. A `maxAgeSeconds` of 0 removes the cookie.
 */
export function setTokenCookie(
  reply: FastifyReply,
  cookie: { name: string; token: string; path: string; maxAgeSeconds: number },
): void {
  const secure = reply.request.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${cookie.name}=${cookie.token}; Max-Age=${cookie.maxAgeSeconds}; Path=${cookie.path}; HttpOnly; SameSite=Lax${secure}`,
  );
}

/** Sets the cookie of a new session, for the whole site; the browser drops it at the session's absolute end. */
export function setSessionCookie(
  reply: FastifyReply,
  started: { token: string; maxAgeSeconds: number },
): void {
  setTokenCookie(reply, { name: SESSION_COOKIE, path: '/', ...started });
}

export function clearSessionCookie(reply: FastifyReply): void {
  setTokenCookie(reply, { name: SESSION_COOKIE, token: '', path: '/', maxAgeSeconds: 0 });
}
