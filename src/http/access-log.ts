import type { FastifyInstance } from 'fastify';

const DEBUG_LEVELS = new Set(['debug', 'trace']);

/** A request slower than this is logged at `warn` whatever the log level. */
export const SLOW_REQUEST_MS = 1000;

/**
 * One line per finished request, at `debug`: at the default `info` a busy referral link would otherwise write a
 * line per click, which costs more than the redirect itself. A request that failed on the server (5xx) or took
 * longer than SLOW_REQUEST_MS is logged at `warn`, so it stays visible at the default level.
 */
export function registerAccessLog(app: FastifyInstance, slowMs = SLOW_REQUEST_MS): void {
  // The level is set at the start. At debug, a request is also logged when its headers are in: one still
  // running shows in the log; at any other, no request pays for that hook. Both hooks take a callback rather
  // than return a promise: they run for every request.
  const debug = DEBUG_LEVELS.has(app.log.level);
  if (debug)
    app.addHook('onRequest', (request, _reply, done) => {
      request.log.debug({ method: request.method, url: request.routeOptions.url }, 'request received');
      done();
    });
  app.addHook('onResponse', (request, reply, done) => {
    const ms = reply.elapsedTime;
    const failed = reply.statusCode >= 500;
    const slow = ms >= slowMs;
    if (!failed && !slow && !debug) return done();
    const line = {
      method: request.method,
      url: request.routeOptions.url ?? request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(ms * 10) / 10,
    };
    if (failed || slow) request.log.warn(line, failed ? 'request failed' : 'slow request');
    else request.log.debug(line, 'request completed');
    done();
  });
}
