import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyRequest,
  preValidationHookHandler,
} from 'fastify';
import { findUnstorable, UNSTORABLE_MESSAGE } from '../db/storable-text.js';
import { VouchError } from '../errors.js';

const unknownParameter = (param: string) =>
  new VouchError(
    400,
    'invalid_request_error',
    'parameter_unknown',
    `Received unknown parameter: ${param}. Remove it; see /v1/openapi.json for the accepted parameters.`,
    param,
  );

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'object' && !Buffer.isBuffer(value) && Object.keys(value).length === 0);

/** What a `/v1` route declares: one that declares no query string or body takes none. */
type Declared = { query: boolean; body: boolean };

/** Anything sent that the route does not declare is refused, not ignored. */
function refuseUndeclared(request: FastifyRequest, declared: Declared): void {
  if (!declared.query && !isEmpty(request.query)) {
    throw unknownParameter(Object.keys(request.query as object)[0]!);
  }
  if (!declared.body && !isEmpty(request.body)) {
    const body = request.body;
    if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body))
      throw unknownParameter(Object.keys(body as object)[0]!);
    throw new VouchError(
      400,
      'invalid_request_error',
      'body_not_allowed',
      'This endpoint takes no request body; send none.',
    );
  }
}

/** Refuses text Postgres cannot store, naming where it was, before any handler or query sees it. */
function refuseUnstorable(request: FastifyRequest): void {
  const places: Array<[unknown, string]> = [
    [request.params, 'path'],
    [request.query, 'query'],
    // A string body (a CSV file) is checked row by row by its route; raw bytes are not text.
    [typeof request.body === 'object' ? request.body : undefined, 'body'],
  ];
  for (const [value, location] of places) {
    const path = findUnstorable(value);
    if (path === undefined) continue;
    const param = path || undefined;
    throw new VouchError(
      400,
      'invalid_request_error',
      'parameter_invalid',
      `Invalid ${param ?? `${location} parameter name`}: text ${UNSTORABLE_MESSAGE}.`,
      param,
    );
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** False on a route that checks its own input and stores none of it (the referral-link redirect). */
    inputChecks?: boolean;
  }
}

/**
 * Checks every request's input that schemas cannot: storable text everywhere, and on `/v1` routes nothing
 * undeclared. Each route gets the check when it is added, with what it declares, so no request looks its
 * route's settings up.
 */
export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const config: FastifyContextConfig = route.config ?? {};
    if (config.inputChecks === false) return;
    const declared = route.url.startsWith('/v1/')
      ? { query: route.schema?.querystring !== undefined, body: route.schema?.body !== undefined }
      : undefined;
    // A callback rather than a promise: what it throws becomes the error.
    const check: preValidationHookHandler = (request, _reply, done) => {
      refuseUnstorable(request);
      if (declared) refuseUndeclared(request, declared);
      done();
    };
    // A new list, not the given one changed: a GET's HEAD route starts from the options as given.
    route.preValidation = [check, ...[route.preValidation ?? []].flat()];
  });
}
