import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { LruMap } from 'toad-cache';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** True on a route that limits requests per client itself, with ClientWindows (its 429 is documented). */
    ownRateLimit?: boolean;
  }
}

type Window = { count: number; startMs: number };

/**
 * Who a request counts against: its address, but an IPv6 client by its /64 (one host often holds a whole
 * range). An IPv4 address is taken as it is: the plugin's IPv6 test, a long regular expression, was a
 * percent of a redirect's CPU.
 */
export const clientKey = (request: FastifyRequest): string =>
  request.ip.includes(':') ? normalizeIP(request.ip) : request.ip;

/**
 * Requests per client in fixed windows, counted synchronously. The referral-link redirect runs it for every
 * click, where @fastify/rate-limit's hook (a promise and several awaits per request) cost as much as the rest
 * of the route. The rule is that plugin's local store: a client's window starts with its first request and
 * lasts `windowMs`; past `maxClients`, the clients seen least recently are forgotten.
 */
export class ClientWindows {
  readonly #windows: LruMap<Window>;

  constructor(
    readonly max: number,
    readonly windowMs: number,
    maxClients = 5000,
  ) {
    this.#windows = new LruMap<Window>(maxClients);
  }

  /** Counts a request from `client`: null when it is within the limit, else the seconds until its window ends. */
  take(client: string, now = Date.now()): number | null {
    let window = this.#windows.get(client);
    if (window === undefined || window.startMs + this.windowMs <= now) {
      window = { count: 0, startMs: now };
      this.#windows.set(client, window);
    }
    window.count++;
    if (window.count <= this.max) return null;
    return Math.max(1, Math.ceil((window.startMs + this.windowMs - now) / 1000));
  }
}
