import { z } from 'zod';

/** The one error shape, for the OpenAPI document. */
export const errorSchema = z.object({
  error: z.object({
    type: z.enum([
      'invalid_request_error',
      'authentication_error',
      'permission_error',
      'rate_limit_error',
      'api_error',
    ]),
    code: z.string(),
    message: z.string(),
    param: z.string().optional(),
    request_id: z.string(),
  }),
});

/**
 * The generic error responses a route may spread into its schema. Every documented operation's error
 * responses are replaced by the ones it can answer with (openapi/error-responses.ts).
 */
export const errorResponses = {
  400: errorSchema.describe('The request was invalid; `param` names the parameter at fault.'),
  401: errorSchema.describe('No valid API key or session was provided.'),
  403: errorSchema.describe(
    'The caller may not do this (a publishable key on a secret route, a role too low).',
  ),
  404: errorSchema.describe('No such object.'),
  409: errorSchema.describe(
    'The request conflicts with the current state (a duplicate, a limit, a campaign status).',
  ),
  429: errorSchema.describe('Too many requests.'),
};

type Security = Array<Record<string, string[]>>;
/** A secret key, or a dashboard session (with the CSRF token for writes). */
export const secretKeySecurity: Security = [{ secretKey: [] }, { sessionCookie: [] }];
export const publishableKeySecurity: Security = [
  { secretKey: [] },
  { publishableKey: [] },
  { sessionCookie: [] },
];
/** Only a dashboard session: the session's own routes. */
export const sessionSecurity: Security = [{ sessionCookie: [] }];

/** Stripe's limits: 50 keys of at most 40 characters, values of at most 500. */
export const metadataSchema = z
  .record(
    z.string().min(1).max(40, 'keys must be at most 40 characters'),
    z.string().max(500, 'values must be at most 500 characters'),
  )
  .refine((m) => Object.keys(m).length <= 50, { message: 'at most 50 keys' })
  .describe('Your own key-value pairs (strings). In updates an empty string removes a key.');

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be an email address like jane@example.com' }));

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const timestamp = z.string().describe('ISO 8601, UTC');

/** The 202 answer of an endpoint that enqueues a background job. */
export const jobAcceptedSchema = z.object({
  object: z.literal('job'),
  name: z.string(),
  id: z.string().nullable(),
});
