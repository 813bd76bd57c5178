import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../src/http/openapi/api-types';

/** The API's one error shape, as the OpenAPI document declares it. */
export type ErrorBody = components['schemas']['Error'];

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Operation<P extends keyof paths, M extends 'get' | 'post' | 'delete'> = NonNullable<paths[P][M]>;

/** The success body of an operation, from the generated types (never written by hand). */
export type Success<P extends keyof paths, M extends 'get' | 'post' | 'delete', S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? Json<R[S]> : never) : never;

/** The JSON request body of an operation. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'delete'> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? Json<NonNullable<B>>
    : never;

/** A list response's item. */
export type Item<P extends keyof paths> = Success<P, 'get'> extends { data: Array<infer T> } ? T : never;

/**
 * The CSRF token of the signed-in session. Kept in memory only (never in localStorage or sessionStorage), set
 * by the session code after sign-in, sent on every request that changes something.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** The one API client: same origin, the session cookie, JSON in and out. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
});
api.use(csrf);

/** An error answer of the API, or a request that never got one. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** The HTTP status; 0 when Vouch could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    if (error && typeof error.message === 'string') {
      return new ApiError(status, error.code, error.message, error.param, error.request_id);
    }
    return new ApiError(status, 'unexpected_response', `Vouch answered ${status} without an explanation.`);
  }
}

/** The data of an openapi-fetch call, or an ApiError thrown for its error answer or a network failure. */
export async function unwrap<D>(
  call: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<NonNullable<D>> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach Vouch. Check your connection and retry.');
  }
  if (result.error !== undefined || !result.response.ok)
    throw ApiError.from(result.response.status, result.error);
  return result.data as NonNullable<D>;
}
