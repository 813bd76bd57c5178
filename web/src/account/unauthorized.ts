import { ApiError } from '../api';

let handler: (() => void) | null = null;

/** What to do when the API answers 401 (the session ended, expired or was signed out elsewhere). */
export function onUnauthorized(next: (() => void) | null): void {
  handler = next;
}

/**
 * Called with every failed query and mutation. Only the signed-in pages set a handler: on the sign-in page a
 * 401 is a wrong password, shown under the form.
 */
export function reportError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) handler?.();
}
