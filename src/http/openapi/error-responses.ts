import type { FastifyContextConfig, FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../domain/roles.js';
import { neededRole } from '../plugins/auth.js';
import { errorResponses, errorSchema } from '../schemas.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import { operationErrors } from './operation-errors.js';

const STATUS_MEANING: Record<number, string> = {
  400: 'The request is invalid; `param` names the parameter at fault',
  401: 'No valid API key or session was sent',
  403: 'The key or the caller may not do this',
  404: 'No such object',
  409: 'The request conflicts with the current state',
  410: 'The object is gone',
  413: 'The request is too large',
  415: 'The Content-Type is not accepted',
  429: 'Too many requests; retry after Retry-After seconds',
  500: 'Something failed on the server',
  502: 'Stripe failed to answer',
  503: 'Unavailable for now; retry shortly',
};

const DOCUMENTED_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const generic = new Set<unknown>([errorSchema, ...Object.values(errorResponses)]);

/** `/v1/campaigns/:id` as OpenAPI writes it: `/v1/campaigns/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The codes, grouped by the status they come with. */
export function byStatus(codes: ErrorCode[]): Map<number, ErrorCode[]> {
  const out = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    for (const status of ERROR_CODES[code].statuses) out.set(status, [...(out.get(status) ?? []), code]);
  }
  return new Map([...out].sort(([a], [b]) => a - b));
}

type Responses = Record<string, unknown>;

/** What the document says of each operation beyond its schemas, keyed `METHOD /path`. */
export type OperationFacts = { codes: Map<string, ErrorCode[]>; roles: Map<string, Role> };

/**
 * Gives every documented operation the error responses it can answer with, in the one error shape, so that
 * no route has to list them. The codes come from the operation's declaration (authentication, role,
 * parameters, a path id) and from `OPERATION_ERRORS`; they are kept by operation for the document
 * (`x-error-codes`), with the least role each needs (`x-role`).
 */
export function registerErrorResponses(app: FastifyInstance): OperationFacts {
  const codesByOperation = new Map<string, ErrorCode[]>();
  const rolesByOperation = new Map<string, Role>();
  // Many operations answer the same codes: one described schema each, as describing copies the schema.
  const described = new Map<string, z.ZodType>();
  const describe = (text: string) => {
    const known = described.get(text);
    if (known) return known;
    const schema = errorSchema.describe(text);
    described.set(text, schema);
    return schema;
  };
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema;
    const methods = [route.method].flat().filter((m) => DOCUMENTED_METHODS.has(m));
    if (!schema || schema.hide || methods.length === 0) return;
    const path = openApiPath(route.url);
    const config: FastifyContextConfig = route.config ?? {};
    const auth = config.auth ?? 'secret';
    const responses: Responses = Object.fromEntries(
      Object.entries((schema.response ?? {}) as Responses).filter(
        ([status, value]) => Number(status) < 400 || !generic.has(value),
      ),
    );
    for (const method of methods) {
      // Every teammate may use their own session's routes: only the other ones name a role.
      const role = auth === 'public' || auth === 'session' ? undefined : neededRole(method, config.role);
      if (role) rolesByOperation.set(`${method} ${path}`, role);
      const codes = operationErrors({
        method,
        path,
        auth,
        role,
        rateLimited: config.rateLimit !== undefined || config.ownRateLimit === true,
        hasBody: schema.body !== undefined,
        hasQuery: schema.querystring !== undefined,
        hasParams: schema.params !== undefined,
      });
      codesByOperation.set(`${method} ${path}`, codes);
      for (const [status, list] of byStatus(codes)) {
        responses[status] ??= describe(
          `${STATUS_MEANING[status] ?? 'Error'}: ${list.map((c) => `\`${c}\``).join(', ')}.`,
        );
      }
    }
    schema.response = responses;
  });
  return { codes: codesByOperation, roles: rolesByOperation };
}

type Paths = Record<string, Record<string, { responses?: Record<string, object> } | undefined> | undefined>;

/** The one error body, once in the document's components; every error response refers to it. */
const ERROR_COMPONENT = (() => {
  const { $schema: _, ...schema } = z.toJSONSchema(errorSchema, { io: 'output' });
  return schema;
})();
const errorRef = { $ref: '#/components/schemas/Error' };

/**
 * Writes each error response's codes into the document as `x-error-codes`, for the reference and clients,
 * with its body as a reference to the one error schema; and each operation's least role as `x-role`.
 */
export function addErrorCodes<T extends { paths?: unknown; components?: unknown }>(
  doc: T,
  { codes, roles }: OperationFacts,
): T {
  const components = (doc.components ?? {}) as { schemas?: Record<string, unknown> };
  doc.components = { ...components, schemas: { ...components.schemas, Error: ERROR_COMPONENT } };
  for (const [path, methods] of Object.entries((doc.paths ?? {}) as Paths)) {
    for (const [method, op] of Object.entries(methods ?? {})) {
      const role = roles.get(`${method.toUpperCase()} ${path}`);
      if (op && role) (op as Record<string, unknown>)['x-role'] = role;
      const list = codes.get(`${method.toUpperCase()} ${path}`);
      if (!list || !op?.responses) continue;
      for (const [status, forStatus] of byStatus(list)) {
        const response = op.responses[String(status)];
        if (!response) continue;
        op.responses[String(status)] = {
          ...response,
          content: { 'application/json': { schema: errorRef } },
          'x-error-codes': forStatus,
        };
      }
    }
  }
  return doc;
}
