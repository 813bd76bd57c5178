/**
 * Renders objects in an API version: copies the value and applies, to every object inside it (lists and
 * expanded objects included), the changes of version-changes.ts that came after the version. Events are
 * left as they are: each keeps the version it was created in.
 */

import { isBefore } from './api-versions.js';
import { previousAttributes, snapshot } from './context.js';
import type { State } from './store.js';
import { type Json, VERSION_CHANGES, type VersionChange } from './version-changes.js';

const cache = new Map<string, readonly VersionChange[]>();

/** The changes a version predates, newest first (empty for the SDK's own version). */
export function changesAfter(version: string): readonly VersionChange[] {
  let found = cache.get(version);
  if (!found) {
    found = VERSION_CHANGES.filter((c) => isBefore(version, c.since));
    cache.set(version, found);
  }
  return found;
}

function walk(node: unknown, changes: readonly VersionChange[], state: State): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, changes, state);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Json;
  if (object.object === 'event') return;
  if (typeof object.object === 'string' && object.deleted !== true) {
    for (const change of changes) change.objects?.[object.object]?.(object, state);
  }
  for (const value of Object.values(object)) walk(value, changes, state);
}

/** `value` as an account on `version` sees it: the value itself when nothing differs, else a copy. */
export function renderInVersion<T>(value: T, version: string, state: State): T {
  const changes = changesAfter(version);
  if (changes.length === 0) return value;
  const copy = snapshot(value);
  walk(copy, changes, state);
  return copy;
}

/**
 * An event's `previous_attributes` in `version`: the object before the change (the object with the
 * previous values put back) and after it, both rendered, and the top-level fields that differ.
 */
export function renderPrevious(
  object: Record<string, unknown>,
  previous: Record<string, unknown>,
  version: string,
  state: State,
): Record<string, unknown> {
  if (changesAfter(version).length === 0) return previous;
  const before = renderInVersion({ ...object, ...previous }, version, state);
  const after = renderInVersion(object, version, state);
  return previousAttributes(before, after);
}
