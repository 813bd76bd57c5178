import type { FastifyReply, FastifyRequest } from 'fastify';

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
 * HttpOnly: no script reads it (a cross-site script cannot steal it). SameSite=Lax: other sites' forms and
 * scripts do not send it with their POSTs. Secure over https, so it never travels in clear; the scheme is
 * the proxy's when VOUCH_TRUST_PROXY believes its X-Forwarded-Proto.
 */
function attributes(request: FastifyRequest): string {
  return `Path=/; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`;
}

/** Sets the cookie of a new session; the browser drops it at the session's absolute end. */
export function setSessionCookie(
  reply: FastifyReply,
  started: { token: string; maxAgeSeconds: number },
): void {
  const cookie = `${SESSION_COOKIE}=${started.token}; Max-Age=${started.maxAgeSeconds}`;
  reply.header('set-cookie', `${cookie}; ${attributes(reply.request)}`);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attributes(reply.request)}`);
}
