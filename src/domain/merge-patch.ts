import { z } from 'zod';

/**
 * JSON Merge Patch (RFC 7396) for settings objects described by zod schemas: the patch type and schema a
 * client sends, applying a patch to what is stored, and turning a problem with the merged result into an
 * error that names what the client sent.
 */

/** What a client sends to change a `T`: any member, each either a (patch of the) new value or null. */
export type MergePatch<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: MergePatch<T[K]> | null }
    : T;

type Path = ReadonlyArray<PropertyKey>;
type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets a member without ever touching the prototype (a key may be `__proto__`). */
function setOwn(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The schema one wrapper (optional, nullable, default, pipe) in, or undefined for no wrapper. */
function innerOf(schema: z.ZodType): z.ZodType | undefined {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  )
    return schema.unwrap() as z.ZodType;
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return undefined;
}

/** The schema under all its wrappers: the object, record, union or value itself. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let next = innerOf(current); next; next = innerOf(current)) current = next;
  return current;
}

/** The first description found on a schema or the wrappers around it. */
function descriptionOf(schema: z.ZodType): string | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = innerOf(current)) {
    if (current.description) return current.description;
  }
  return undefined;
}

const literalValues = (schema: z.ZodType | undefined): unknown[] => {
  const inner = schema && unwrap(schema);
  return inner instanceof z.ZodLiteral ? [...inner.values] : [];
};

type Variant = { shape: Record<string, z.ZodType> };
type Union = { discriminator: string; options: Variant[] };

function discriminatedUnion(schema: z.ZodType): Union | undefined {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return undefined;
  const options = (schema.options as z.ZodType[]).map(unwrap);
  if (!options.every((o) => o instanceof z.ZodObject)) return undefined;
  return {
    discriminator: schema._zod.def.discriminator,
    options: options.map((o) => ({ shape: (o as z.ZodObject).shape as Record<string, z.ZodType> })),
  };
}

const withDescription = <S extends z.ZodType>(schema: S, description: string | undefined): S =>
  description ? schema.describe(description) : schema;

/** A member of a patch: a patch of the member's value, null to remove it, or absent to keep it. */
const patchMember = (schema: z.ZodType) =>
  withDescription(mergePatchSchema(schema).nullable().optional(), descriptionOf(schema));

/**
 * The schema of a merge patch of `schema`: objects become strict objects whose members are all optional and
 * nullable (null removes), records take null for a key to remove, and a discriminated union becomes one
 * object with the members of every variant. Arrays and values are sent whole. Checks across members and
 * defaults are left to the full schema, which validates the merged result.
 */
export function mergePatchSchema<S extends z.ZodType>(schema: S): z.ZodType<MergePatch<z.input<S>>> {
  const inner = unwrap(schema);
  const description = descriptionOf(schema);
  const union = discriminatedUnion(inner);
  if (union) {
    const shape: Record<string, z.ZodType> = {};
    const values: string[] = [];
    const explained: string[] = [];
    for (const option of union.options) {
      const tag = option.shape[union.discriminator];
      for (const value of literalValues(tag)) {
        values.push(String(value));
        const said = tag && descriptionOf(tag);
        if (said) explained.push(`${String(value)}: ${said}`);
      }
      for (const [key, member] of Object.entries(option.shape)) {
        if (key !== union.discriminator && !(key in shape)) shape[key] = patchMember(member);
      }
    }
    const tag = withDescription(
      z.enum(values as [string, ...string[]]).optional(),
      explained.length ? `${explained.join('. ')}. Changing it keeps only the members the new one has` : '',
    );
    return withDescription(
      z.strictObject({ [union.discriminator]: tag, ...shape }),
      description,
    ) as unknown as z.ZodType<MergePatch<z.input<S>>>;
  }
  if (inner instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(inner.shape as Record<string, z.ZodType>).map(([key, member]) => [
        key,
        patchMember(member),
      ]),
    );
    return withDescription(z.strictObject(shape), description) as unknown as z.ZodType<
      MergePatch<z.input<S>>
    >;
  }
  if (inner instanceof z.ZodRecord) {
    const def = inner._zod.def;
    const value = mergePatchSchema(def.valueType as z.ZodType).nullable();
    return withDescription(
      z.record(
        def.keyType as z.ZodString,
        value,
        def.error ? { error: def.error as z.core.$ZodErrorMap } : undefined,
      ),
      description,
    ) as unknown as z.ZodType<MergePatch<z.input<S>>>;
  }
  // A value: sent whole, without its default (an absent member must stay absent) or null (added above).
  let value: z.ZodType = schema;
  while (value !== inner && !(value instanceof z.ZodPipe)) value = innerOf(value)!;
  return withDescription(value, description) as unknown as z.ZodType<MergePatch<z.input<S>>>;
}

/** The variant of a discriminated union whose tag is `tag`. */
const variantFor = (union: Union, tag: unknown) =>
  union.options.find((o) => literalValues(o.shape[union.discriminator]).includes(tag));

/**
 * Applies a merge patch to a stored value (RFC 7396): members of an object patch change one by one, null
 * removes a member, anything else replaces the value. One addition for discriminated unions: a patch that
 * changes the tag (`method`, `kind`) keeps only the stored members the new variant has.
 */
export function applyMergePatch(schema: z.ZodType | undefined, target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const inner = schema && unwrap(schema);
  let base: PlainObject = {};
  if (isPlainObject(target)) for (const [key, value] of Object.entries(target)) setOwn(base, key, value);
  let memberSchema: (key: string) => z.ZodType | undefined = () => undefined;
  const union = inner && discriminatedUnion(inner);
  if (union) {
    const tag = union.discriminator;
    const variant = variantFor(union, patch[tag] ?? base[tag]);
    if (variant && patch[tag] !== undefined && patch[tag] !== base[tag]) {
      const kept: PlainObject = {};
      for (const key of Object.keys(variant.shape)) if (key in base) setOwn(kept, key, base[key]);
      base = kept;
    }
    if (variant) memberSchema = (key) => variant.shape[key];
  } else if (inner instanceof z.ZodObject) {
    memberSchema = (key) => (inner.shape as Record<string, z.ZodType>)[key];
  } else if (inner instanceof z.ZodRecord) {
    memberSchema = () => inner._zod.def.valueType as z.ZodType;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else setOwn(base, key, applyMergePatch(memberSchema(key), base[key], value));
  }
  return base;
}

/** `customers.metadata.plan`, `items[0].name`: a path the way clients write parameter names. */
export function paramName(path: Path): string {
  return path.reduce<string>((name, part, i) => {
    if (typeof part === 'number') return `${name}[${part}]`;
    return i === 0 ? String(part) : `${name}.${String(part)}`;
  }, '');
}

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) {
    if (!isPlainObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part as string];
  }
  return current;
}

/** Whether the patch sent a value at this path, sent null (a removal), or did not reach it. */
function sentAt(patch: unknown, path: Path): 'value' | 'null' | 'absent' {
  let current = patch;
  for (const part of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, part as string)) return 'absent';
    current = current[part as string];
  }
  return current === null ? 'null' : current === undefined ? 'absent' : 'value';
}

export type PatchProblem = {
  param: string;
  code: 'parameter_invalid' | 'parameter_missing' | 'parameter_unknown';
  message: string;
};

/** What to say about an issue: zod's message, or for a key of a record, what is wrong with the key. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues[0]) return `key ${issueMessage(issue.issues[0])}`;
  return issue.message;
}

/**
 * The error for the first problem with a merged value, named by what the client sent: the path itself when
 * it was sent, a required member the patch removed, a required member nothing stored provides (it must be
 * sent), or else the closest part of the patch that led to it. `field` is the parameter the patch was sent
 * under (`customers`).
 */
export function patchProblem(
  field: string,
  error: z.ZodError,
  patch: unknown,
  merged: unknown,
): PatchProblem {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    // A member the merged object does not take (one of another variant, say): it was sent.
    const param = paramName([field, ...issue.path, issue.keys[0]!]);
    return {
      param,
      code: 'parameter_unknown',
      message: `Received unknown parameter: ${param}. Remove it; see /v1/openapi.json for the accepted parameters.`,
    };
  }
  const path = [...issue.path];
  const param = paramName([field, ...path]);
  const missing =
    valueAt(merged, path) === undefined &&
    (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && 'discriminator' in issue));
  const sent = sentAt(patch, path);
  if (missing && sent === 'null')
    return {
      param,
      code: 'parameter_invalid',
      message: `${param} is required and cannot be removed; send a new value instead of null.`,
    };
  if (missing)
    return {
      param,
      code: 'parameter_missing',
      message: `Missing required parameter: ${param}. Nothing is stored for it yet, so send it with this change.`,
    };
  let at = path;
  while (at.length > 0 && sentAt(patch, at) === 'absent') at = at.slice(0, -1);
  const named = paramName([field, ...at]);
  const detail = at.length === path.length ? '' : ` (${param})`;
  return {
    param: named,
    code: 'parameter_invalid',
    message: `Invalid ${named}${detail}: ${issueMessage(issue)}`,
  };
}
