/**
 * Renders the OpenAPI document as the Markdown API reference in docs/api-reference.md. The test suite
 * checks the committed file against this output, so the reference cannot drift from the code.
 */
import { ERROR_CODES, type ErrorCodeInfo } from './error-codes.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; description?: string };
type Operation = {
  'x-role'?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }>; 'x-error-codes'?: string[] }
  >;
};
export type OpenApiDocument = {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(typeOf))].join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array') return `${typeOf(schema.items)}[]`;
  const values = schema.additionalProperties;
  if (type === 'object' && !schema.properties && typeof values === 'object')
    return `map of ${typeOf(values)}`;
  return type;
}

function limits(schema: Schema | undefined): string {
  if (!schema) return '';
  const parts: string[] = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    parts.push(`${schema.minimum} to ${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The objects a field holds (itself, the non-null side of a nullable, the variants of a union). */
function objectsIn(schema: Schema): Schema[] {
  if (schema.properties) return [schema];
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(objectsIn);
}

/** The objects the items of an array field hold, shown under `name[].`. */
const itemObjectsIn = (schema: Schema): Schema[] =>
  [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((s) =>
    s.items ? objectsIn(s.items) : [],
  );

/** A single allowed value (`"spend"`), or undefined. */
const singleValue = (s: Schema | undefined): string | undefined =>
  s !== undefined && (s.const !== undefined || s.enum?.length === 1)
    ? JSON.stringify(s.const ?? s.enum![0])
    : undefined;

/** The member whose single value tells the variants of a union apart (`method`, `kind`), if any. */
function tagOf(variants: Schema[]): string | undefined {
  return Object.keys(variants[0]?.properties ?? {}).find((name) =>
    variants.every((v) => singleValue(v.properties?.[name]) !== undefined),
  );
}

/** A field's description, or that of a member of its union (a nullable timestamp describes its string). */
const descriptionOf = (field: Schema): string =>
  field.description ??
  [...(field.anyOf ?? []), ...(field.oneOf ?? [])].find((v) => v.description)?.description ??
  '';

const row = (name: string, field: Schema, required: boolean, notes: string) =>
  `| \`${name}\` | ${cell(typeOf(field))} | ${required ? 'yes' : ''} | ${cell(notes)} |`;

/**
 * One row per field, then the fields of each nested object under its dotted name. The variants of a union
 * told apart by a tag (`method`) get one row for the tag and their own fields noted "with method ...".
 */
function fieldRows(schema: Schema, prefix = '', when = ''): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const notes = [when, descriptionOf(field), limits(field)].filter(Boolean).join('; ');
    const variants = objectsIn(field);
    const tag = variants.length > 1 ? tagOf(variants) : undefined;
    if (!tag)
      return [
        row(`${prefix}${name}`, field, required.has(name), notes),
        ...variants.flatMap((v) => fieldRows(v, `${prefix}${name}.`)),
        ...itemObjectsIn(field).flatMap((v) => fieldRows(v, `${prefix}${name}[].`)),
      ];
    const tags = variants.map((v) => v.properties![tag]!);
    const tagRow = row(
      `${prefix}${name}.${tag}`,
      { enum: tags.map((t) => t.const ?? t.enum![0]) },
      true,
      tags
        .filter((t) => t.description)
        .map((t) => `${singleValue(t)}: ${t.description}`)
        .join('; '),
    );
    const nested = variants.flatMap((v, i) => {
      const { [tag]: _, ...rest } = v.properties!;
      return fieldRows(
        { ...v, properties: rest },
        `${prefix}${name}.`,
        `with ${tag} ${singleValue(tags[i])}`,
      );
    });
    return [row(`${prefix}${name}`, field, required.has(name), notes), tagRow, ...nested];
  });
}

const SCHEMES: Record<string, string> = {
  secretKey: 'secret key',
  publishableKey: 'publishable key',
  sessionCookie: 'dashboard session',
};

function auth(op: Operation): string {
  const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
  if (schemes.length === 0) return 'none (public)';
  const who = schemes.map((s) => SCHEMES[s] ?? s).join(' or ');
  const role = op['x-role'];
  if (!role) return who;
  const needs = `role ${role}${role === 'owner' ? '' : ' or higher'}`;
  return schemes.includes('publishableKey')
    ? `${who}; ${needs} (a publishable key needs none)`
    : `${who}; ${needs}`;
}

export function renderReference(doc: OpenApiDocument): string {
  const lines = [
    '# API reference',
    '',
    `Generated from \`GET /v1/openapi.json\` (${doc.info.title} ${doc.info.version}) by \`npm run docs:api\`; the`,
    'test suite fails when this file and the code disagree. Conventions (errors, pagination, ids): [api.md](api.md).',
  ];
  const operations: Array<{ tag: string; path: string; method: string; op: Operation }> = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({ tag: op.tags?.[0] ?? 'other', path, method: method.toUpperCase(), op });
    }
  }
  const tags = [...new Set(operations.map((o) => o.tag))];
  for (const tag of tags) {
    lines.push('', `## ${tag[0]!.toUpperCase()}${tag.slice(1)}`);
    for (const { path, method, op } of operations.filter((o) => o.tag === tag)) {
      lines.push('', `### \`${method} ${path}\``, '', op.summary ?? '');
      if (op.description) lines.push('', op.description);
      lines.push('', `Authentication: ${auth(op)}.`);
      const params = (op.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path');
      if (params.length) {
        lines.push('', '| Parameter | In | Type | Required | Notes |', '| --- | --- | --- | --- | --- |');
        for (const p of params) {
          const notes = [p.description ?? p.schema?.description ?? '', limits(p.schema)]
            .filter(Boolean)
            .join('; ');
          lines.push(
            `| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? 'yes' : ''} | ${cell(notes)} |`,
          );
        }
      }
      for (const [type, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
        if (schema.properties) {
          lines.push(
            '',
            `Body (\`${type}\`):`,
            '',
            '| Field | Type | Required | Notes |',
            '| --- | --- | --- | --- |',
            ...fieldRows(schema),
          );
        } else {
          lines.push('', `Body: \`${type}\`${schema.description ? `, ${schema.description}` : ''}.`);
        }
      }
      lines.push(...responseLines(op));
    }
  }
  lines.push(...errorCodeTable());
  return `${lines.join('\n')}\n`;
}

/** Each success answer with its fields, then the error codes by status. */
function responseLines(op: Operation): string[] {
  const lines: string[] = [];
  const errors: string[] = [];
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const codes = response['x-error-codes'];
    if (Number(status) >= 400) {
      const listed = codes?.length
        ? codes.map((c) => `\`${c}\``).join(', ')
        : cell(response.description ?? '');
      errors.push(`| ${status} | ${listed} |`);
      continue;
    }
    const media = Object.entries(response.content ?? {});
    if (media.length === 0) lines.push('', `Response ${status}: ${response.description ?? 'no body'}.`);
    for (const [type, { schema }] of media) {
      if (schema?.properties) {
        lines.push(
          '',
          `Response ${status} (\`${type}\`):`,
          '',
          '| Field | Type | Required | Notes |',
          '| --- | --- | --- | --- |',
          ...fieldRows(schema),
        );
      } else {
        const note = schema?.description ? `, ${schema.description}` : '';
        lines.push('', `Response ${status} (\`${type}\`): ${typeOf(schema)}${note}.`);
      }
    }
  }
  if (errors.length) lines.push('', 'Errors:', '', '| Status | Codes |', '| --- | --- |', ...errors);
  return lines;
}

/** Every error code the API answers with, once, with its status and meaning. */
function errorCodeTable(): string[] {
  return [
    '',
    '## Error codes',
    '',
    'Every error has the body `{"error": {"type", "code", "message", "param"?, "request_id"}}`. A client branches',
    'on `type`, then `code`; each operation above lists the codes it can answer with.',
    '',
    '| Code | Status | Type | Meaning |',
    '| --- | --- | --- | --- |',
    ...Object.entries(ERROR_CODES).map(
      ([code, info]: [string, ErrorCodeInfo]) =>
        `| \`${code}\` | ${info.statuses.join(', ')} | ${info.type} | ${cell(info.meaning)} |`,
    ),
  ];
}
