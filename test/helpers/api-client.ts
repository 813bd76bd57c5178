import type { FastifyInstance } from 'fastify';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../src/http/openapi/api-types.js';

/**
 * A client of the API typed from its OpenAPI document: request parameters and bodies, success bodies and
 * the error body are the generated types, so a test that reads a field the document no longer has fails
 * `npm run typecheck`.
 */
export type ApiClient = Client<paths>;

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The body an operation answers with: `ResponseBody<'/v1/stripe/connections/{id}', 'get'>`. */
export type ResponseBody<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends { responses: infer R } ? (S extends keyof R ? Json<R[S]> : never) : never;

/** The JSON body an operation takes: `RequestBody<'/v1/webhook_endpoints', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? Json<NonNullable<B>>
  : never;

const bearer = (key: string | undefined) => (key ? { authorization: `Bearer ${key}` } : {});

/** Through Fastify's `inject`: the real app, routing and serialisation, without a port. */
export function injectClient(app: FastifyInstance, key?: string): ApiClient {
  return createClient<paths>({
    baseUrl: 'http://vouch.test',
    headers: bearer(key),
    fetch: async (request) => {
      const url = new URL(request.url);
      const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const res = await app.inject({
        method: request.method as 'GET',
        url: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        ...(payload ? { payload } : {}),
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        for (const one of [value ?? []].flat()) headers.append(name, String(one));
      }
      const empty = res.statusCode === 204 || res.statusCode === 304 || res.rawPayload.length === 0;
      return new Response(empty ? null : res.rawPayload, { status: res.statusCode, headers });
    },
  });
}

/** Over HTTP, for a Vouch listening at `baseUrl` (a process the test started). */
export function httpClient(baseUrl: string, key?: string): ApiClient {
  return createClient<paths>({ baseUrl, headers: bearer(key) });
}
