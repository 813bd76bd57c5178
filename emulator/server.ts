/** Fastify app: Stripe auth, rate limit, fault injection, idempotency, form bodies, errors, routes. */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Ctx, ResolvedOptions, RouteDef } from './context.js';
import { apiError, errorPayload, StripeApiError, unrecognizedUrl } from './errors.js';
import { API_VERSION, createEvent } from './events.js';
import { applyExpand } from './expand.js';
import { decodeForm, type FormObject } from './form-decode.js';
import {
  authenticate,
  checkNotRevoked,
  checkPermission,
  type FaultInjector,
  type RateLimiter,
} from './guards.js';
import { IdempotencyStore } from './idempotency.js';
import { newId } from './ids.js';
import { registerOAuthRoutes } from './oauth.js';
import { strArr } from './params.js';
import type { State } from './store.js';
import type { WebhookDelivery } from './webhook-delivery.js';

export interface ServerDeps {
  state: () => State;
  options: ResolvedOptions;
  delivery: WebhookDelivery;
  routes: RouteDef[];
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  /** Start recording state changes (before a handler that may change state). */
  beginChange: () => void;
  /** Write the recorded changes to the journal; runs before the answer is sent and throws if it fails. */
  commitChange: () => void;
  logError: (msg: string, err: unknown) => void;
  internalRoutes: (app: FastifyInstance) => void;
}

interface Outcome {
  status: number;
  payload: string;
  replayed: boolean;
}

function asForm(value: unknown): FormObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormObject) : {};
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { querystringParser: (qs: string) => decodeForm(qs) },
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, decodeForm(typeof body === 'string' ? body : body.toString('utf8')));
  });
  const idempotency = new IdempotencyStore();

  function execute(def: RouteDef, req: FastifyRequest, requestId: string): Outcome {
    let apiKey = '';
    let idemKey: string | undefined;
    let fingerprint = '';
    try {
      apiKey = authenticate(req.headers.authorization);
      checkNotRevoked(deps.state(), apiKey);
      checkPermission(deps.state(), apiKey, def.permission);
      deps.rateLimiter.check();
      deps.faults.check(req.url);
      const body: FormObject =
        def.method === 'POST' ? { ...asForm(req.query), ...asForm(req.body) } : asForm(req.query);
      const header = req.headers['idempotency-key'];
      idemKey = def.method === 'POST' && typeof header === 'string' && header ? header : undefined;
      if (idemKey) {
        fingerprint = `${def.method} ${req.url.split('?')[0]} ${JSON.stringify(body)}`;
        const stored = idempotency.check(apiKey, idemKey, fingerprint);
        if (stored) return { status: stored.status, payload: stored.payload, replayed: true };
      }
      const state = deps.state();
      const request = { id: requestId, idempotencyKey: idemKey ?? null };
      const ctx: Ctx = {
        state,
        options: deps.options,
        emit: (type, object, previous) => createEvent(state, deps.delivery, request, type, object, previous),
      };
      const params = (req.params ?? {}) as Record<string, string>;
      let result: object;
      if (def.method !== 'GET') deps.beginChange();
      try {
        result = def.handler({ params, body, ctx });
      } finally {
        // Even a failed request may have changed state. A failed journal write throws: a 500, never a 2xx.
        if (def.method !== 'GET') deps.commitChange();
      }
      const expanded = applyExpand(result, strArr(body, 'expand') ?? [], state);
      const outcome = { status: 200, payload: JSON.stringify(expanded), replayed: false };
      if (idemKey) idempotency.save(apiKey, idemKey, { fingerprint, ...outcome });
      return outcome;
    } catch (err) {
      const known = err instanceof StripeApiError ? err : null;
      if (!known) deps.logError(`unhandled error in ${def.method} ${def.path}`, err);
      const error = known ?? apiError();
      const outcome = { status: error.status, payload: JSON.stringify(errorPayload(error)), replayed: false };
      const cacheable =
        idemKey && fingerprint && error.status < 500 && error.body.type !== 'idempotency_error';
      if (cacheable && idemKey && error.status !== 401 && error.status !== 429) {
        idempotency.save(apiKey, idemKey, { fingerprint, ...outcome });
      }
      return outcome;
    }
  }

  const send = (reply: FastifyReply, requestId: string, outcome: Outcome) => {
    reply.header('request-id', requestId).header('stripe-version', API_VERSION);
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    if (outcome.status === 500) reply.header('stripe-should-retry', 'true');
    reply.code(outcome.status).type('application/json').send(outcome.payload);
  };

  for (const def of deps.routes) {
    app.route({
      method: def.method,
      url: def.path,
      handler: async (req, reply) => {
        const requestId = newId('req', 14);
        send(reply, requestId, execute(def, req, requestId));
      },
    });
  }
  // OAuth handlers read the state before changing it and call onMutation after a change, before answering.
  registerOAuthRoutes(app, {
    state: () => {
      deps.beginChange();
      return deps.state();
    },
    onMutation: deps.commitChange,
  });
  // Closes a recording no commit closed (an OAuth request that failed), before anything is sent.
  app.addHook('onSend', (_req, _reply, payload, done) => {
    try {
      deps.commitChange();
      done(null, payload);
    } catch (err) {
      done(err as Error);
    }
  });
  deps.internalRoutes(app);
  app.setNotFoundHandler((req, reply) => {
    const err = unrecognizedUrl(req.method, req.url.split('?')[0] ?? req.url);
    send(reply, newId('req', 14), {
      status: 404,
      payload: JSON.stringify(errorPayload(err)),
      replayed: false,
    });
  });
  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode < 500 ? err.statusCode : 500;
    const body =
      status === 500
        ? errorPayload(apiError())
        : errorPayload(new StripeApiError(status, { type: 'invalid_request_error', message: err.message }));
    send(reply, newId('req', 14), { status, payload: JSON.stringify(body), replayed: false });
  });
  return app;
}
