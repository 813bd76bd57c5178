/** A JSON schema as the OpenAPI document holds it; only what tells typed from untyped. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
};

const isEmpty = (s: JsonSchema) => Object.keys(s).filter((k) => k !== 'description').length === 0;

/**
 * Where a body's schema leaves its TypeScript type open, as a dotted path with what the type would be: the
 * whole body or a field that is `unknown`, `Record<string, never>`, `Record<string, unknown>` or a bare object.
 * Empty when every part is typed.
 */
export function untypedParts(schema: JsonSchema | undefined, at = '(body)'): string[] {
  if (!schema) return [`${at}: no schema`];
  if (schema.$ref || schema.const !== undefined || schema.enum) return [];
  if (isEmpty(schema)) return [`${at}: unknown`];
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return variants.flatMap((v) => untypedParts(v, at));
  const types = [schema.type ?? []].flat();
  const out: string[] = [];
  if (types.includes('array')) out.push(...untypedParts(schema.items, `${at}[]`));
  if (types.includes('object') || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    const extra = schema.additionalProperties;
    if (props.length === 0) {
      if (extra === false) out.push(`${at}: Record<string, never>`);
      else if (extra === undefined || extra === true) out.push(`${at}: bare object`);
      else if (isEmpty(extra)) out.push(`${at}: Record<string, unknown>`);
      else out.push(...untypedParts(extra, `${at}.*`));
    }
    for (const [name, prop] of props) out.push(...untypedParts(prop, `${at}.${name}`));
  }
  return out;
}
