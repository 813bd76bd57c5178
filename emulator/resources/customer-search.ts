/** Customer search: `email:'x'`, `name:'x'`, `phone:'x'`, `metadata['k']:'v'`, `field~'substring'`. */
import type { Ctx } from '../context.js';
import { invalidParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { int, reqStr, str } from '../params.js';
import type { CustomerObj } from '../shapes.js';
import { newestFirst } from '../store.js';

interface Clause {
  field: string;
  metadataKey: string | null;
  op: ':' | '~';
  value: string;
}

const CLAUSE =
  /^\s*(email|name|phone|description|metadata\[['"]([^'"]+)['"]\])\s*([:~])\s*['"]((?:[^'"\\]|\\.)*)['"]\s*$/;

export function parseSearchQuery(query: string): { clauses: Clause[]; mode: 'and' | 'or' } {
  const hasAnd = /\sAND\s/i.test(query);
  const hasOr = /\sOR\s/i.test(query);
  if (hasAnd && hasOr) throw invalidParam('query', 'Search queries cannot mix AND and OR.');
  const parts = query.split(hasOr ? /\s+OR\s+/i : /\s+AND\s+/i);
  const clauses = parts.map((part) => {
    const m = CLAUSE.exec(part);
    if (!m) throw invalidParam('query', `Invalid search query: could not parse '${part.trim()}'.`);
    const metadataKey = m[2] ?? null;
    return {
      field: metadataKey ? 'metadata' : (m[1] ?? ''),
      metadataKey,
      op: (m[3] ?? ':') as ':' | '~',
      value: (m[4] ?? '').replace(/\\(.)/g, '$1'),
    };
  });
  return { clauses, mode: hasOr ? 'or' : 'and' };
}

function matches(c: CustomerObj, clause: Clause): boolean {
  let actual: string | null | undefined;
  if (clause.metadataKey) actual = c.metadata[clause.metadataKey];
  else if (clause.field === 'email') actual = c.email;
  else if (clause.field === 'name') actual = c.name;
  else if (clause.field === 'phone') actual = c.phone;
  else actual = c.description;
  if (actual === null || actual === undefined) return false;
  if (clause.op === '~') return actual.toLowerCase().includes(clause.value.toLowerCase());
  return clause.field === 'email'
    ? actual.toLowerCase() === clause.value.toLowerCase()
    : actual === clause.value;
}

export function searchCustomers(ctx: Ctx, p: FormObject) {
  const { clauses, mode } = parseSearchQuery(reqStr(p, 'query'));
  const limit = int(p, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidParam('limit', 'Invalid limit: must be between 1 and 100');
  const page = str(p, 'page');
  const offset = page ? Number(Buffer.from(page, 'base64url').toString('utf8')) || 0 : 0;
  const all = newestFirst(ctx.state.customers).filter((c) =>
    mode === 'and' ? clauses.every((cl) => matches(c, cl)) : clauses.some((cl) => matches(c, cl)),
  );
  const data = all.slice(offset, offset + limit);
  const hasMore = offset + limit < all.length;
  return {
    object: 'search_result',
    data,
    has_more: hasMore,
    next_page: hasMore ? Buffer.from(String(offset + limit), 'utf8').toString('base64url') : null,
    url: '/v1/customers/search',
  };
}
