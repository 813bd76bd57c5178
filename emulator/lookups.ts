/** Fetch-or-404 helpers shared by the resources. */
import type { Ctx } from './context.js';
import { resourceMissing } from './errors.js';
import type { State } from './store.js';

type MapKey = {
  [K in keyof State]: State[K] extends Map<string, infer _V> ? K : never;
}[keyof State];

type ValueOf<K extends MapKey> = State[K] extends Map<string, infer V> ? V : never;

export function mustGet<K extends MapKey>(
  ctx: Ctx,
  key: K,
  kind: string,
  id: string,
  param = 'id',
): ValueOf<K> {
  const map = ctx.state[key] as Map<string, ValueOf<K>>;
  const found = map.get(id);
  if (!found) throw resourceMissing(kind, id, param);
  return found;
}
