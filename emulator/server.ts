/**
 * Fastify app: Stripe auth, rate limit, fault injection, idempotency, form bodies, unknown parameters, API
 * versions, errors, routes, the answers' latency.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { allowedParams } from './allowed-params/index.js';
import { requestVersion } from './api-versions.js';
import type { Ctx, ResolvedOptions, RouteDef } from './context.js';
import { apiError, errorPayload, StripeApiError, unrecognizedUrl } from './errors.js';
import { createEvent } from './events.js';
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
import type { Latency } from './latency.js';
import { registerOAuthRoutes } from './oauth.js';
import { checkParams, type ParamTable } from './param-check.js';
import { strArr } from './params.js';
import type { State } from './store.js';
import { renderInVersion } from './version-render.js';
import type { WebhookDelivery } from './webhook-delivery.js';

export interface ServerDeps {
  state: () => State;
  options: ResolvedOptions;
  delivery: WebhookDelivery;
  routes: RouteDef[];
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  /** How long each API answer waits before it is sent. */
  latency: Latency;
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
  /** The API version the answer is rendered in. */
  version: string;
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

  const routeKey = (def: RouteDef) => `${def.method} ${def.path}`;
  const missing = deps.routes.filter((def) => !allowedParams(routeKey(def), deps.options.defaultApiVersion));
  if (missing.length > 0) {
    throw new Error(`stripe emulator: no parameter table for ${missing.map(routeKey).join(', ')}`);
  }

  function execute(def: RouteDef, req: FastifyRequest, requestId: string): Outcome {
    let apiKey = '';
    let idemKey: string | undefined;
    let fingerprint = '';
    let version = deps.options.defaultApiVersion;
    try {
      apiKey = authenticate(req.headers.authorization);
      checkNotRevoked(deps.state(), apiKey);
      checkPermission(deps.state(), apiKey, def.permission);
      deps.rateLimiter.check();
      deps.faults.check(req.url);
      version = requestVersion(req.headers['stripe-version'], version);
      const body: FormObject =
        def.method === 'POST' ? { ...asForm(req.query), ...asForm(req.body) } : asForm(req.query);
      const header = req.headers['idempotency-key'];
      idemKey = def.method === 'POST' && typeof header === 'string' && header ? header : undefined;
      if (idemKey) {
        fingerprint = `${def.method} ${req.url.split('?')[0]} ${JSON.stringify(body)}`;
        const stored = idempotency.check(apiKey, idemKey, fingerprint);
        if (stored) return { status: stored.status, payload: stored.payload, replayed: true, version };
      }
      checkParams(body, allowedParams(routeKey(def), version) as ParamTable);
      const state = deps.state();
      const request = { id: requestId, idempotencyKey: idemKey ?? null };
      const ctx: Ctx = {
        state,
        options: deps.options,
        emit: (type, object, previous) =>
          createEvent(state, deps.delivery, deps.options.defaultApiVersion, request, type, object, previous),
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
      const rendered = renderInVersion(expanded, version, state);
      const outcome = { status: 200, payload: JSON.stringify(rendered), replayed: false, version };
      if (idemKey) idempotency.save(apiKey, idemKey, { fingerprint, ...outcome });
      return outcome;
    } catch (err) {
      const known = err instanceof StripeApiError ? err : null;
      if (!known) deps.logError(`unhandled error in ${def.method} ${def.path}`, err);
      const error = known ?? apiError();
      const body = errorPayload(error);
      // A card error carries the PaymentIntent, in the request's version like any other answer.
      if (body.error.payment_intent)
        body.error.payment_intent = renderInVersion(body.error.payment_intent, version, deps.state());
      const outcome = { status: error.status, payload: JSON.stringify(body), replayed: false, version };
      const cacheable =
        idemKey && fingerprint && error.status < 500 && error.body.type !== 'idempotency_error';
      if (cacheable && idemKey && error.status !== 401 && error.status !== 429) {
        idempotency.save(apiKey, idemKey, { fingerprint, ...outcome });
      }
      return outcome;
    }
  }

  const send = (reply: FastifyReply, requestId: string, outcome: Outcome) => {
    reply.header('request-id', requestId).header('stripe-version', outcome.version);
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
        // Counted by the rate limit and worked on as it arrives, like Stripe; only the answer waits.
        const outcome = execute(def, req, requestId);
        await deps.latency.wait();
        send(reply, requestId, outcome);
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
      version: deps.options.defaultApiVersion,
    });
  });
  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode < 500 ? err.statusCode : 500;
    const body =
      status === 500
        ? errorPayload(apiError())
        : errorPayload(new StripeApiError(status, { type: 'invalid_request_error', message: err.message }));
    send(reply, newId('req', 14), {
      status,
      payload: JSON.stringify(body),
      replayed: false,
      version: deps.options.defaultApiVersion,
    });
  });
  return app;
}
