import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorType, VouchError } from '../errors.js';

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
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
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
    return new VouchError(
      429,
      'rate_limit_error',
      'rate_limited',
      'Too many requests; slow down and retry after the time in Retry-After.',
    );
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
    const mapped = fromFastify(error, request);
    if (mapped) return sendError(reply, mapped);
    request.log.error({ err: error }, 'request failed');
    return sendError(
      reply,
      new VouchError(
        500,
        'api_error',
        'internal_error',
        'Something went wrong on our side; retry, and quote the request id if it persists.',
      ),
    );
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
