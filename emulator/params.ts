/** Typed readers for decoded form parameters; invalid values raise Stripe's 400 errors. */
import { invalidParam, missingParam } from './errors.js';
import type { FormObject, FormValue } from './form-decode.js';

export type Metadata = Record<string, string>;

function label(param: string, prefix: string): string {
  return prefix ? `${prefix}[${param}]` : param;
}

export function str(p: FormObject, key: string, prefix = ''): string | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidParam(label(key, prefix), `Invalid string: ${JSON.stringify(v)}`);
  return v;
}

export function reqStr(p: FormObject, key: string, prefix = ''): string {
  const v = str(p, key, prefix);
  if (v === undefined || v === '') throw missingParam(label(key, prefix));
  return v;
}

/** A string that may be sent as '' to clear it; returns null for ''. */
export function nullableStr(p: FormObject, key: string, prefix = ''): string | null | undefined {
  const v = str(p, key, prefix);
  return v === '' ? null : v;
}

export function int(p: FormObject, key: string, prefix = ''): number | undefined {
  const v = str(p, key, prefix);
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) {
    throw invalidParam(label(key, prefix), `Invalid integer: ${v}`, 'parameter_invalid_integer');
  }
  return Number(v);
}

export function reqInt(p: FormObject, key: string, prefix = ''): number {
  const v = int(p, key, prefix);
  if (v === undefined) throw missingParam(label(key, prefix));
  return v;
}

export function num(p: FormObject, key: string, prefix = ''): number | undefined {
  const v = str(p, key, prefix);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw invalidParam(label(key, prefix), `Invalid decimal: ${v}`);
  return n;
}

export function bool(p: FormObject, key: string, prefix = ''): boolean | undefined {
  const v = str(p, key, prefix);
  if (v === undefined || v === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalidParam(label(key, prefix), `Invalid boolean: ${v}`);
}

export function oneOf<T extends string>(
  p: FormObject,
  key: string,
  allowed: readonly T[],
  prefix = '',
): T | undefined {
  const v = str(p, key, prefix);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    throw invalidParam(
      label(key, prefix),
      `Invalid ${key}: must be one of ${allowed.join(', ')}`,
      'parameter_invalid_string',
    );
  }
  return v as T;
}

export function obj(p: FormObject, key: string, prefix = ''): FormObject | undefined {
  const v = p[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string' || Array.isArray(v)) {
    throw invalidParam(label(key, prefix), `Invalid object`);
  }
  return v;
}

export function arr(p: FormObject, key: string, prefix = ''): FormValue[] | undefined {
  const v = p[key];
  if (v === undefined || v === '') return undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.values(v);
  throw invalidParam(label(key, prefix), `Invalid array`);
}

export function objArr(p: FormObject, key: string, prefix = ''): FormObject[] | undefined {
  const items = arr(p, key, prefix);
  if (!items) return undefined;
  return items.map((item, i) => {
    if (typeof item === 'string' || Array.isArray(item)) {
      throw invalidParam(`${label(key, prefix)}[${i}]`, 'Invalid object');
    }
    return item;
  });
}

export function strArr(p: FormObject, key: string, prefix = ''): string[] | undefined {
  const items = arr(p, key, prefix);
  if (!items) return undefined;
  return items.map((item, i) => {
    if (typeof item !== 'string') throw invalidParam(`${label(key, prefix)}[${i}]`, 'Invalid string');
    return item;
  });
}

/** `metadata` param: an object of strings, or '' (clear all) — returns null for ''. */
export function metadata(p: FormObject, key = 'metadata'): Metadata | null | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  if (v === '') return null;
  if (typeof v === 'string' || Array.isArray(v)) throw invalidParam(key, 'Invalid object');
  const out: Metadata = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') throw invalidParam(`${key}[${k}]`, 'Invalid string');
    out[k] = val;
  }
  return out;
}

/** Stripe's metadata update semantics: keys merge, an empty string deletes a key, '' clears all. */
export function mergeMetadata(existing: Metadata | null, update: Metadata | null | undefined): Metadata {
  if (update === undefined) return { ...(existing ?? {}) };
  if (update === null) return {};
  const out: Metadata = { ...(existing ?? {}) };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

export interface RangeFilter {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
}

/** `created=123` or `created[gte]=...` style range filters. */
export function range(p: FormObject, key: string): RangeFilter | undefined {
  const v = p[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { eq: reqInt(p, key) };
  if (Array.isArray(v)) throw invalidParam(key, 'Invalid range');
  return { gt: int(v, 'gt', key), gte: int(v, 'gte', key), lt: int(v, 'lt', key), lte: int(v, 'lte', key) };
}

export function inRange(value: number, r: RangeFilter | undefined): boolean {
  if (!r) return true;
  if (r.eq !== undefined && value !== r.eq) return false;
  if (r.gt !== undefined && !(value > r.gt)) return false;
  if (r.gte !== undefined && !(value >= r.gte)) return false;
  if (r.lt !== undefined && !(value < r.lt)) return false;
  if (r.lte !== undefined && !(value <= r.lte)) return false;
  return true;
}
