/** What a route handler sees: decoded params, state, and the event emitter. */
import type { FormObject } from './form-decode.js';
import type { EventObj } from './shapes.js';
import type { State } from './store.js';

export interface ResolvedOptions {
  defaultCurrency: string;
  /** Currency -> units of the default currency per unit (see fx.ts). */
  fxRates: Record<string, number>;
  /** The account's default API version: events are made in it, and requests without `Stripe-Version` use it. */
  defaultApiVersion: string;
  /** Accept webhook endpoint URLs Stripe refuses as not public (localhost, private addresses, `.local`). */
  allowPrivateWebhookUrls: boolean;
}

export interface Ctx {
  state: State;
  options: ResolvedOptions;
  emit(type: string, object: object, previous?: Record<string, unknown>): EventObj;
}

export interface EmuRequest {
  params: Record<string, string>;
  body: FormObject;
  ctx: Ctx;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  path: string;
  handler: (req: EmuRequest) => object;
  /** Restricted-key permission the route needs (e.g. `rak_webhook_write`); `rk_` keys are refused it. */
  permission?: string;
}

export function route(method: HttpMethod, path: string, handler: (req: EmuRequest) => object): RouteDef {
  return { method, path, handler };
}

/** JSON deep copy, used for event snapshots and responses. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Top-level fields whose value changed, mapped to their previous value (Stripe's previous_attributes). */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const prev: Record<string, unknown> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) prev[key] = b[key] ?? null;
  }
  return prev;
}

/** Apply `mutate` to `target`, then emit `<type>` with previous_attributes when something changed. */
export function updateAndEmit<T extends object>(
  ctx: Ctx,
  type: string,
  target: T,
  mutate: (t: T) => void,
): T {
  const before = snapshot(target);
  mutate(target);
  const prev = previousAttributes(before, target);
  if (Object.keys(prev).length > 0) ctx.emit(type, target, prev);
  return target;
}
