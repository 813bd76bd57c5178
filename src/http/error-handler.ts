import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/database-errors.js';
import { createId } from '../domain/ids.js';
import { type ErrorType, TOO_MANY_REQUESTS, VouchError } from '../errors.js';
import { translateStripeError } from '../stripe/errors.js';

export type ErrorBody = {
  error: { type: ErrorType; code: string; message: string; param?: string; request_id: string };
};

export function sendError(reply: FastifyReply, error: VouchError): FastifyReply {
  const body: ErrorBody = {
    error: {
      type: error.type,
      code: error.code,
      message: error.message,
      ...(error.param ? { param: error.param } : {}),
      request_id: String(reply.request.id),
    },
  };
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply
    .status(error.status)
    .header('request-id', String(reply.request.id))
    .type('application/json; charset=utf-8')
    .send(body);
}

/**
 * Errors Fastify finds before a route is chosen (a URL it cannot decode, a path parameter over the length
 * limit), in the one error shape.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(
        reply,
        new VouchError(
          400,
          'invalid_request_error',
          'invalid_url',
          'The request URL is not valid: a percent sign must start a valid UTF-8 escape such as %20.',
        ),
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(
        reply,
        new VouchError(
          414,
          'invalid_request_error',
          'uri_too_long',
          'A path parameter of the request URL is too long; ids are at most 64 characters.',
        ),
      );
    default:
      request.log.error({ err: error, path }, 'request failed before routing');
      return sendError(reply, internalError());
  }
}

const internalError = () =>
  new VouchError(
    500,
    'api_error',
    'internal_error',
    'Something went wrong on our side; retry, and quote the request id if it persists.',
  );

/** What Node's HTTP parser refuses (oversized headers, malformed requests, timeouts), in the one shape. */
export function clientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let code = 'bad_request';
  let message = 'The request could not be read as HTTP.';
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    code = 'headers_too_large';
    message = 'The request headers are too large; send less in cookies and custom headers.';
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    code = 'request_timeout';
    message = 'The request was not received in time.';
  }
  const requestId = createId('req');
  const type: ErrorType = 'invalid_request_error';
  const body = JSON.stringify({ error: { type, code, message, request_id: requestId } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

type ValidationEntry = {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
};

/** `/items/0/name` becomes `items[0].name`, the way clients write parameter names. */
function paramName(instancePath: string | undefined): string | undefined {
  const parts = (instancePath ?? '').split('/').filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.reduce(
    (name, part, i) => (i === 0 ? part : /^\d+$/.test(part) ? `${name}[${part}]` : `${name}.${part}`),
    '',
  );
}

/** Turns the first schema issue into a message that names the parameter and what to send instead. */
function fromValidation(error: FastifyError): VouchError {
  const issue = (error.validation?.[0] ?? {}) as ValidationEntry;
  const location = String(error.validationContext ?? 'body');
  const prefix = paramName(issue.instancePath);
  if (issue.keyword === 'unrecognized_keys' && issue.params?.keys?.length) {
    const param = prefix ? `${prefix}.${issue.params.keys[0]}` : issue.params.keys[0]!;
    return new VouchError(
      400,
      'invalid_request_error',
      'parameter_unknown',
      `Received unknown parameter: ${param}. Remove it; see /v1/openapi.json for the accepted parameters.`,
      param,
    );
  }
  const message = issue.message ?? error.message;
  if (issue.keyword === 'invalid_type' && /received undefined/.test(message) && prefix) {
    return new VouchError(
      400,
      'invalid_request_error',
      'parameter_missing',
      `Missing required parameter: ${prefix}.`,
      prefix,
    );
  }
  const where = prefix ? `Invalid ${prefix}: ` : `Invalid ${location}: `;
  return new VouchError(400, 'invalid_request_error', 'parameter_invalid', where + message, prefix);
}

function fromFastify(error: FastifyError, request: FastifyRequest): VouchError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new VouchError(
        400,
        'invalid_request_error',
        'invalid_json',
        'The request body is not valid JSON.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new VouchError(
        400,
        'invalid_request_error',
        'invalid_json',
        "The request body is empty but Content-Type says JSON; send a JSON object (at least '{}').",
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new VouchError(
        415,
        'invalid_request_error',
        'unsupported_media_type',
        `Unsupported Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')}; send application/json.`,
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new VouchError(
        413,
        'invalid_request_error',
        'body_too_large',
        'The request body is larger than this server accepts.',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new VouchError(
        400,
        'invalid_request_error',
        'invalid_content_length',
        'Content-Length does not match the body.',
      );
    default:
      break;
  }
  if (error.name === 'SyntaxError' && error.statusCode === 400) {
    return new VouchError(
      400,
      'invalid_request_error',
      'invalid_json',
      `The request body is not valid JSON: ${error.message}`,
    );
  }
  if (error.statusCode === 429) {
    return new VouchError(429, 'rate_limit_error', 'rate_limited', TOO_MANY_REQUESTS);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new VouchError(error.statusCode, 'invalid_request_error', 'invalid_request', error.message);
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof VouchError) return sendError(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) return sendError(reply, fromValidation(error));
    const fromStripe = translateStripeError(error);
    if (fromStripe) {
      if (fromStripe.status >= 500) request.log.warn({ err: error }, 'Stripe call failed');
      return sendError(reply, fromStripe);
    }
    const mapped = fromFastify(error, request);
    if (mapped) return sendError(reply, mapped);
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendError(
        reply,
        new VouchError(
          503,
          'api_error',
          'database_unavailable',
          'The database did not answer in time; retry shortly.',
          undefined,
          5,
        ),
      );
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, internalError());
  });

  // While stopping, requests that still arrive are turned away in the one shape, to be retried elsewhere.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A callback rather than a promise: every request runs this hook.
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close').header('retry-after', '1');
    throw new VouchError(503, 'api_error', 'shutting_down', 'This server is stopping; retry the request.');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new VouchError(
        404,
        'invalid_request_error',
        'route_not_found',
        `Unrecognized request URL (${request.method} ${request.url.split('?')[0]}).`,
      ),
    ),
  );
}
