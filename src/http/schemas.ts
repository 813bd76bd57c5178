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

export const errorResponses = {
  400: errorSchema.describe('The request was invalid; `param` names the parameter at fault.'),
  401: errorSchema.describe('No valid API key was provided.'),
  403: errorSchema.describe('The API key may not do this (a publishable key on a secret route).'),
  404: errorSchema.describe('No such object.'),
  429: errorSchema.describe('Too many requests.'),
};

export const secretKeySecurity = [{ secretKey: [] }];
export const publishableKeySecurity = [{ secretKey: [] }, { publishableKey: [] }];
