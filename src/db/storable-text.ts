/**
 * Postgres text and jsonb cannot hold a NUL character, and a lone UTF-16 surrogate is not text at all (it
 * would be stored as U+FFFD, or refused inside jsonb). Input is checked against this before it reaches a
 * query, so it is refused as a 400 naming the field instead of failing as a 500.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any NUL or surrogate at all: most text has none, and this is cheaper than looking for a lone one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for.
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !SUSPECT.test(text) || (!text.includes('\u0000') && !LONE_SURROGATE.test(text));
}

/** Why a text was refused, in words a client can act on. */
export const UNSTORABLE_MESSAGE = 'must not contain NUL characters (\\u0000) or unpaired UTF-16 surrogates';

/**
 * The path (`metadata.plan`, `items[2].name`) of the first string, or object key, in `value` that Postgres
 * cannot store; undefined when all of it can be stored. A bad key is named by its parent (`metadata`), and
 * a bad top-level key or a bad top-level string by `''`. Walks without recursion, so deeply nested input
 * cannot exhaust the stack.
 */
export function findUnstorable(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return path;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]` });
      continue;
    }
    if (Buffer.isBuffer(current)) continue;
    for (const [key, child] of Object.entries(current)) {
      if (!isStorableText(key)) return path;
      stack.push({ value: child, path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}
