import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/** `/v1` routes that declare no query string or body take none: anything sent is refused, not ignored. */
function refuseUndeclared(request: FastifyRequest): void {
  if (!request.routeOptions.url?.startsWith('/v1/')) return;
  const schema = request.routeOptions.schema;
  if (!schema?.querystring && !isEmpty(request.query)) {
    throw unknownParameter(Object.keys(request.query as object)[0]!);
  }
  if (!schema?.body && !isEmpty(request.body)) {
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

/** Checks every request's input that schemas cannot: storable text everywhere, nothing undeclared. */
export function registerInputChecks(app: FastifyInstance): void {
  // A callback rather than a promise: every request runs this hook; what it throws becomes the error.
  app.addHook('preValidation', (request, _reply, done) => {
    refuseUnstorable(request);
    refuseUndeclared(request);
    done();
  });
}
