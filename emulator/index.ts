/**
 * Stripe-compatible HTTP emulator. `startEmulator()` starts it in-process; point the official SDK at it
 * with `new Stripe('sk_test_...', { host: '127.0.0.1', port, protocol: 'http' })`.
 */
import type { FastifyInstance } from 'fastify';
import { checkDefaultVersion, SDK_API_VERSION } from './api-versions.js';
import type { ResolvedOptions } from './context.js';
import { resolveFxRates } from './fx.js';
import { FaultInjector, RateLimiter } from './guards.js';
import { StateJournal } from './journal.js';
import { Latency, type LatencyMs } from './latency.js';
import { allRoutes } from './routes.js';
import { buildServer } from './server.js';
import type { EventObj } from './shapes.js';
import { State } from './store.js';
import { type DeliveryRecord, WebhookDelivery } from './webhook-delivery.js';

export { KNOWN_API_VERSIONS, knownVersion, SDK_API_VERSION } from './api-versions.js';
export { USD_RATES } from './fx.js';
export type { LatencyMs } from './latency.js';
export type { EventObj } from './shapes.js';
export type { DeliveryAttempt, DeliveryRecord } from './webhook-delivery.js';
export { signPayload } from './webhook-delivery.js';

export interface EmulatorLogger {
  info(msg: string): void;
  error(msg: string): void;
}

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Bind address; default '127.0.0.1'. */
  host?: string;
  /** `default_currency` of `GET /v1/account` and the currency charges settle in; default 'usd'. */
  defaultCurrency?: string;
  /**
   * The account's default API version (a published one, e.g. '2024-06-20'): events are created in it, webhook
   * endpoints without a pinned `api_version` receive it, and requests without `Stripe-Version` are answered in
   * it. Default: the installed SDK's own version (`SDK_API_VERSION`).
   */
  defaultApiVersion?: string;
  /**
   * Accept webhook endpoint URLs Stripe refuses because it cannot reach them (localhost, loopback, private and
   * link-local addresses, `.local` names). Default false, like Stripe; true to deliver to this machine.
   */
  allowPrivateWebhookUrls?: boolean;
  /**
   * Exchange rates into the default currency: 1 unit of currency X = rate units of the default currency.
   * Merged over the built-in table (`USD_RATES`, as cross rates when the default is not usd).
   */
  fxRates?: Record<string, number>;
  /** Max requests per sliding second; excess gets 429 `rate_limit_error`. Off when unset or 0. */
  rateLimit?: number;
  /** Fraction (0..1) of API requests answered with a random 500 `api_error`. Default 0. */
  failRate?: number;
  /**
   * How long each API answer waits before it is sent, in ms: a fixed time, or `[min, max]` for a time drawn
   * evenly from that range (Stripe answers in hundreds of ms; `[250, 400]` is close). The request is counted
   * by `rateLimit` and carried out when it arrives; only the answer waits. Default 0 (answer at once).
   */
  latencyMs?: LatencyMs;
  /** Seed for `failRate` and `latencyMs`, so faults and delays are reproducible. Default 1. */
  seed?: number;
  /** First webhook retry delay in ms; attempt n waits base * 2^(n-1). Default 1000. */
  webhookRetryBaseMs?: number;
  /** Webhook attempts before giving up. Default 8. */
  webhookMaxAttempts?: number;
  /** Per-attempt webhook timeout in ms. Default 10000. */
  webhookTimeoutMs?: number;
  /**
   * JSON file to keep state in across restarts: loaded at start, every change journaled to `<stateFile>.journal`
   * before its answer is sent (so an answered write survives `kill -9`), rewritten when the journal grows and
   * on close. See journal.ts.
   */
  stateFile?: string;
  /** Rewrite the state file once its journal is larger than this many bytes and than the file. Default 16 MiB. */
  stateCompactBytes?: number;
  /** @deprecated Ignored: every change is written before it is answered. */
  stateSaveDebounceMs?: number;
  logger?: EmulatorLogger;
}

export interface EmulatorHandle {
  url: string;
  port: number;
  host: string;
  /** Stops the server and webhook retries, and writes the state file if configured (its journal is removed). */
  close(): Promise<void>;
  /** Webhook delivery log, oldest first. */
  deliveries(): DeliveryRecord[];
  /** Resolves when no webhook delivery is pending (or after timeoutMs). */
  waitForDeliveries(timeoutMs?: number): Promise<void>;
  /** All events, oldest first. */
  events(): EventObj[];
  /** Drops all state (customers, events, endpoints, ...). */
  reset(): void;
  /** Writes the whole state file now and empties its journal (no-op without stateFile). */
  save(): Promise<void>;
  /**
   * Changes the share (0..1) of API requests answered with a 500 `api_error`, for all paths or only those
   * starting with `pathPrefix` (e.g. `/v1/balance_transactions`). `setFaults(0)` turns faults off.
   */
  setFaults(rate: number, pathPrefix?: string): void;
  /**
   * Changes the max requests per sliding second (like the `rateLimit` option); `setRateLimit(0)` turns the
   * limit off. Requests of the last second still count against a new limit. Throws a RangeError for a
   * negative or non-finite value.
   */
  setRateLimit(perSecond: number): void;
  /** How many API requests were answered 429 `rate_limit_error` since start (not cleared by `reset()`). */
  rateLimited(): number;
  /**
   * How many API requests the rate limit let through since start (all of them while there is no limit):
   * what Stripe would have counted against the limit. Not cleared by `reset()`.
   */
  requests(): number;
  /** Changes `latencyMs` for answers from now on. Throws a RangeError for a negative or inverted range. */
  setLatency(latency: LatencyMs): void;
  /** The account's default API version now. */
  defaultApiVersion(): string;
  /**
   * Changes the account's default API version, as upgrading an account in the Dashboard does: events created
   * from now on are in it. Throws a RangeError for a version Stripe never published.
   */
  setDefaultApiVersion(version: string): void;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger;
  const defaultApiVersion = checkDefaultVersion(options.defaultApiVersion);
  const journal = options.stateFile
    ? StateJournal.open(options.stateFile, {
        ...(options.stateCompactBytes ? { compactBytes: options.stateCompactBytes } : {}),
        onError: (err) => logger?.error(`stripe emulator: writing the state file failed: ${String(err)}`),
        onWarning: (msg) => logger?.info(msg),
      })
    : null;
  let state = journal?.current ?? new State();
  const defaultCurrency = (options.defaultCurrency ?? 'usd').toLowerCase();
  const resolved: ResolvedOptions = {
    defaultCurrency,
    fxRates: resolveFxRates(defaultCurrency, options.fxRates),
    defaultApiVersion,
    allowPrivateWebhookUrls: options.allowPrivateWebhookUrls ?? false,
  };
  const delivery = new WebhookDelivery({
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    maxAttempts: options.webhookMaxAttempts ?? 8,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    resolveTarget: (endpointId) => {
      const endpoint = state.webhookEndpoints.get(endpointId);
      const secret = state.webhookSecrets.get(endpointId);
      if (!endpoint || !secret || endpoint.status !== 'enabled') return undefined;
      return { id: endpoint.id, url: endpoint.url, secret };
    },
    onError: (msg) => logger?.error(msg),
  });
  const faults = new FaultInjector(options.failRate ?? 0, options.seed ?? 1);
  const rateLimiter = new RateLimiter(options.rateLimit ?? 0);
  const latency = new Latency(options.latencyMs ?? 0, options.seed ?? 1);
  const app: FastifyInstance = buildServer({
    state: () => state,
    options: resolved,
    delivery,
    routes: allRoutes,
    rateLimiter,
    faults,
    latency,
    beginChange: () => journal?.begin(),
    commitChange: () => journal?.commit(),
    logError: (msg, err) => logger?.error(`${msg}: ${err instanceof Error ? err.stack : String(err)}`),
    internalRoutes: (server) => {
      server.get('/_emulator/health', async () => ({ ok: true }));
      server.get('/_emulator/deliveries', async () => ({ object: 'list', data: delivery.records() }));
      server.post('/_emulator/reset', async () => {
        state = new State();
        journal?.replace(state);
        return { ok: true };
      });
    },
  });
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger?.info(
    `stripe emulator listening on ${url} (API version ${resolved.defaultApiVersion}${resolved.defaultApiVersion === SDK_API_VERSION ? ', the SDK default' : ''})`,
  );
  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    host,
    close: () => {
      closed ??= (async () => {
        await delivery.close();
        await app.close();
        journal?.close();
      })();
      return closed;
    },
    deliveries: () => delivery.records(),
    waitForDeliveries: (timeoutMs) => delivery.idle(timeoutMs),
    events: () => [...state.events.values()],
    reset: () => {
      state = new State();
      journal?.replace(state);
    },
    save: async () => journal?.compact(),
    setFaults: (rate, pathPrefix) => faults.set(rate, pathPrefix),
    setRateLimit: (perSecond) => rateLimiter.set(perSecond),
    rateLimited: () => rateLimiter.rejected,
    requests: () => rateLimiter.accepted,
    setLatency: (ms) => latency.set(ms),
    defaultApiVersion: () => resolved.defaultApiVersion,
    setDefaultApiVersion: (version) => {
      resolved.defaultApiVersion = checkDefaultVersion(version);
    },
  };
}
