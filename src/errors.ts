/** The kinds of error every Vouch API answers with; a client branches on `type`, then `code`. */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error'
  | 'api_error';

/**
 * An error meant for the client: HTTP-free (the HTTP layer turns it into a response), with a message
 * that says what was wrong and how to fix it.
 */
export class VouchError extends Error {
  override name = 'VouchError';
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param?: string,
    /** For a refusal that ends by itself (a rate limit): seconds until a retry may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What a client that went past a per-client request limit is told. */
export const TOO_MANY_REQUESTS = 'Too many requests; slow down and retry after the time in Retry-After.';

/** Too many requests of some kind from one client (or for one subject); retry after the given seconds. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new VouchError(429, 'rate_limit_error', 'rate_limited', message, undefined, retryAfterSeconds);

export const invalidParameter = (param: string, message: string) =>
  new VouchError(400, 'invalid_request_error', 'parameter_invalid', message, param);

export const notFound = (resource: string, id: string, param = 'id') =>
  new VouchError(404, 'invalid_request_error', 'resource_missing', `No such ${resource}: '${id}'`, param);

export const conflict = (code: string, message: string, param?: string) =>
  new VouchError(409, 'invalid_request_error', code, message, param);

/** The caller's role is below what the operation needs. */
export const roleForbidden = (needed: string, role: string) =>
  new VouchError(
    403,
    'permission_error',
    'role_forbidden',
    `This needs the ${needed} role${needed === 'owner' ? '' : ' or higher'}; you have ${role}. Ask an owner for a higher role, or use a key that has it.`,
  );

/** A failure whose message tells an operator all they need; the CLI prints it without a stack trace. */
export class OperatorError extends Error {
  override name = 'OperatorError';
}
