import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PASSWORD_MAX_LENGTH,
  passwordSchema,
  personNameSchema,
  sessionSchema,
  setupSchema,
  signOutSchema,
} from '../../domain/accounts.js';
import { classifyAddress } from '../../domain/webhook-address.js';
import { presentSession, type SessionsService } from '../../services/sessions.js';
import type { SetupService } from '../../services/setup.js';
import { emailSchema, errorResponses, sessionSecurity } from '../schemas.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';

const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether the request comes from the server itself. Without VOUCH_TRUST_PROXY, a request that a proxy
 * forwarded (it says so in a header) is not, even though it arrives from 127.0.0.1: a reverse proxy on the
 * same machine must not make every visitor local. Trusting every proxy (`true`) believes any
 * X-Forwarded-For, which a visitor can write, so there too a forwarded request is not local; only named
 * proxies make the forwarded client address trustworthy.
 */
export function fromLoopback(request: FastifyRequest, trustProxy: boolean | string): boolean {
  const forwarded = FORWARDED_HEADERS.some((h) => request.headers[h] !== undefined);
  if (forwarded && typeof trustProxy !== 'string') return false;
  return classifyAddress(request.ip) === 'loopback';
}

const tags = ['sessions'];
/** Per process, on top of the limits on failures shared by every process (sessions.ts, setup.ts). */
const attemptLimit = { max: 30, timeWindow: '1 minute' };

/** The first owner's set-up, signing in and out. */
export const sessionRoutes =
  (deps: {
    sessions: SessionsService;
    setup: SetupService;
    trustProxy: boolean | string;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/setup',
      {
        config: { auth: 'public', rateLimit: {} },
        schema: {
          tags,
          summary: 'Whether Vouch still needs its first owner (then the dashboard shows its set-up page)',
          response: { 200: setupSchema, ...errorResponses },
        },
      },
      async () => ({ object: 'setup' as const, needed: await deps.setup.needed() }),
    );

    app.post(
      '/v1/setup',
      {
        config: { auth: 'public', rateLimit: attemptLimit },
        schema: {
          tags,
          summary: 'Create the first owner and sign them in; works once, while no one can sign in',
          description:
            'Allowed from the server itself (a loopback address, not forwarded by a proxy), or with the token ' +
            'of the one-time set-up link Vouch logs at start-up while it has no owner. Sets the session cookie.',
          body: z.strictObject({
            email: emailSchema,
            name: personNameSchema,
            password: passwordSchema,
            token: z.string().max(200).optional().describe('The token of the set-up link'),
          }),
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const started = await deps.setup.complete(request.body, {
          ip: request.ip,
          loopback: fromLoopback(request, deps.trustProxy),
        });
        setSessionCookie(reply, started);
        return started.session;
      },
    );

    app.post(
      '/v1/sessions',
      {
        config: { auth: 'public', rateLimit: attemptLimit },
        schema: {
          tags,
          summary: 'Sign in with email and password; sets the session cookie',
          description:
            'A wrong email and a wrong password answer the same 401 sign_in_failed. Failed sign-ins are limited ' +
            'per account and per client (429 until Retry-After), across every Vouch process.',
          body: z.strictObject({
            email: z.string().trim().max(254),
            password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH),
          }),
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const started = await deps.sessions.signIn(request.body, request.ip);
        setSessionCookie(reply, started);
        return started.session;
      },
    );

    app.get(
      '/v1/session',
      {
        config: { auth: 'session' },
        schema: {
          tags,
          summary: 'The signed-in teammate, and the CSRF token their writes must send (x-csrf-token)',
          security: sessionSecurity,
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request) => presentSession(request.session!),
    );

    app.delete(
      '/v1/session',
      {
        config: { auth: 'session', role: 'viewer' },
        schema: {
          tags,
          summary: 'Sign out: this session ends and its cookie is cleared',
          security: sessionSecurity,
          response: { 200: signOutSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ended = await deps.sessions.signOut(request.session!);
        clearSessionCookie(reply);
        return { object: 'sign_out' as const, sessions_ended: ended };
      },
    );

    app.post(
      '/v1/session/sign_out_everywhere',
      {
        config: { auth: 'session', role: 'viewer' },
        schema: {
          tags,
          summary: 'End every session of the signed-in teammate, on every device, this one included',
          security: sessionSecurity,
          response: { 200: signOutSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ended = await deps.sessions.signOutEverywhere(request.session!.user.id);
        clearSessionCookie(reply);
        return { object: 'sign_out' as const, sessions_ended: ended };
      },
    );
  };
