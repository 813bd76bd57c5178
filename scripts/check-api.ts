/**
 * `npm run check:api`: regenerates the API's TypeScript types and fails when the committed file is stale, or
 * when an operation's success body is untyped in them (no schema, `unknown`, `Record<string, never>`, a bare
 * object, anywhere in the body), naming each operation and the part at fault.
 */
import { readFileSync } from 'node:fs';
import { type JsonSchema, untypedParts } from '../src/http/openapi/untyped.js';
import { API_TYPES_FILE, apiTypesText } from './api-types-text.js';
import { openApiDocument } from './openapi-document.js';

type Response = { content?: Record<string, { schema?: JsonSchema }> };
type Document = { paths: Record<string, Record<string, { responses?: Record<string, Response> }>> };

/** Success answers that carry no body by design: a redirect, No Content. */
const BODILESS = new Set(['204', '301', '302', '303', '307', '308']);

const doc = await openApiDocument();
const failures: string[] = [];

const committed = (() => {
  try {
    return readFileSync(API_TYPES_FILE, 'utf8');
  } catch {
    return '';
  }
})();
if (committed !== (await apiTypesText(doc))) {
  failures.push(`${API_TYPES_FILE} is stale: run \`npm run api:types\` and commit it.`);
}

const untyped: string[] = [];
for (const [path, methods] of Object.entries((doc as unknown as Document).paths)) {
  for (const [method, op] of Object.entries(methods)) {
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      if (!/^2|^3/.test(status) || BODILESS.has(status)) continue;
      const media = Object.entries(response.content ?? {});
      const parts =
        media.length === 0
          ? ['(body): no schema']
          : media.flatMap(([type, { schema }]) =>
              untypedParts(schema).map((p) => (media.length > 1 ? `${type} ${p}` : p)),
            );
      if (parts.length) untyped.push(`${method.toUpperCase()} ${path} ${status}: ${parts.join('; ')}`);
    }
  }
}
if (untyped.length) {
  failures.push(
    `${untyped.length} operations have an untyped success body:`,
    ...untyped.map((u) => `  ${u}`),
  );
}

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`${API_TYPES_FILE} is current and every success body is typed.`);
