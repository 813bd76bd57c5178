/** `expand[]`: replaces id strings with the stored objects (dot paths, `data.` for lists). */
import { snapshot } from './context.js';
import { invalidParam } from './errors.js';
import type { State } from './store.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function expandPath(node: unknown, path: string[], state: State, full: string): void {
  if (Array.isArray(node)) {
    for (const item of node) expandPath(item, path, state, full);
    return;
  }
  if (!isObject(node) || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  if (!(head in node)) throw invalidParam('expand', `This property cannot be expanded (${full}).`);
  const value = node[head];
  if (typeof value === 'string') {
    const found = state.lookup(value);
    if (!found) return;
    node[head] = snapshot(found);
  } else if (Array.isArray(value)) {
    node[head] = value.map((v) => (typeof v === 'string' ? (snapshot(state.lookup(v)) ?? v) : v));
  }
  if (rest.length > 0) expandPath(node[head], rest, state, full);
}

export function applyExpand(result: object, expand: string[], state: State): object {
  if (expand.length === 0) return result;
  const copy = snapshot(result);
  for (const path of expand) expandPath(copy, path.split('.'), state, path);
  return copy;
}
