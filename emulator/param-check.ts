/**
 * Refuses parameters an operation does not accept, as Stripe does: 400 `parameter_unknown` naming the first
 * unknown parameter the way Stripe writes it (`foo`, `invoice_settings[foo]`, `line_items[0][foo]`).
 *
 * The allowed names of each operation are listed with `params<SdkParamsType>()('name name ...', nested)`,
 * which the compiler checks against the SDK's own type: a name the SDK does not have, or one it has that
 * the list lacks, fails to compile. So a new SDK version that adds or removes a parameter is noticed.
 */
import { invalidRequest, type StripeApiError } from './errors.js';
import type { FormObject, FormValue } from './form-decode.js';

/** `true`: the parameter is accepted with anything under it; an object: only these names under it. */
export type ParamSpec = true | { readonly [name: string]: ParamSpec };
export type ParamTable = { readonly [name: string]: ParamSpec };

type SplitOn<
  S extends string,
  D extends string,
  Acc extends string = never,
> = S extends `${infer W}${D}${infer R}` ? SplitOn<R, D, Acc | W> : Acc | S;
/** The names in a list separated by spaces and newlines. */
export type Words<S extends string> = Exclude<SplitOn<SplitOn<S, '\n'>, ' '>, ''>;

type Names<S extends string, N> = Words<S> | keyof N;
/** The list itself when it names exactly the keys of T, else an object type that says what is wrong. */
type Exact<T, S extends string, N> = [Exclude<keyof T, Names<S, N>>] extends [never]
  ? [Exclude<Names<S, N>, keyof T>] extends [never]
    ? S
    : { not_in_the_sdk_type: Exclude<Names<S, N>, keyof T> }
  : { missing_from_the_list: Exclude<keyof T, Names<S, N>> };

/**
 * The allowed names of one operation whose parameters the SDK types as T: `names` lists the parameters
 * accepted with anything under them, `nested` those whose own names are checked too.
 */
export function params<T>() {
  return <const S extends string, const N extends ParamTable = Record<never, never>>(
    names: S & Exact<T, S, N>,
    nested?: N,
  ): ParamTable => {
    const table: Record<string, ParamSpec> = {};
    for (const name of names.split(/\s+/)) if (name) table[name] = true;
    return { ...table, ...nested };
  };
}

export function unknownParameter(name: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${name}`, name, 'parameter_unknown');
}

function isObject(value: FormValue): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

/** Throws Stripe's `parameter_unknown` for the first name (depth first) the table does not allow. */
export function checkParams(body: FormObject, table: ParamTable, prefix = ''): void {
  for (const [name, value] of Object.entries(body)) {
    const path = prefix ? `${prefix}[${name}]` : name;
    const spec = table[name];
    if (spec === undefined || !Object.hasOwn(table, name)) throw unknownParameter(path);
    if (spec !== true) checkValue(value, spec, path);
  }
}

/** A nested value: an object, or a list of them (`items[0][price]`); plain strings are the handler's to judge. */
function checkValue(value: FormValue, table: ParamTable, path: string): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) checkValue(item, table, `${path}[${i}]`);
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    // A list sent with gaps in its indexes (`items[1][price]` alone) decodes as an object keyed by digits.
    if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
      for (const k of keys) checkValue(value[k] as FormValue, table, `${path}[${k}]`);
    } else {
      checkParams(value, table, path);
    }
  }
}
