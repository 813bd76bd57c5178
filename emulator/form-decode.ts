/**
 * Decoder for Stripe-style `application/x-www-form-urlencoded` bodies and query strings.
 * Bracket notation (`metadata[key]=v`, `line_items[0][price]=p`, `expand[]=x`) becomes nested
 * objects and arrays. Objects whose keys are exactly 0..n-1 become arrays.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function decodeComponent(raw: string): string {
  const plus = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

export function parseKeyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open < 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  re.lastIndex = open;
  let match = re.exec(key);
  while (match) {
    parts.push(match[1] ?? '');
    match = re.exec(key);
  }
  return parts;
}

function assign(root: FormObject, path: string[], value: string): void {
  let node: FormObject = root;
  for (let i = 0; i < path.length; i++) {
    let seg = path[i] ?? '';
    if (seg === '') seg = String(Object.keys(node).length);
    if (FORBIDDEN.has(seg)) return;
    if (i === path.length - 1) {
      node[seg] = value;
      return;
    }
    const next = node[seg];
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) {
      const created: FormObject = {};
      node[seg] = created;
      node = created;
    } else {
      node = next;
    }
  }
}

function normalize(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = normalize(value[k] as FormValue);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    const indexes = keys.map(Number).sort((a, b) => a - b);
    if (indexes.every((n, i) => n === i)) return indexes.map((n) => value[String(n)] as FormValue);
  }
  return value;
}

export function decodeForm(body: string): FormObject {
  const root: FormObject = {};
  if (!body) return root;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1));
    if (!key) continue;
    assign(root, parseKeyPath(key), value);
  }
  const result = normalize(root);
  return typeof result === 'string' || Array.isArray(result) ? { 0: result } : result;
}
