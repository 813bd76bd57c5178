/** The TypeScript types of the OpenAPI document, as openapi-typescript writes them, formatted like our code. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../src/http/openapi/render-reference.js';

export const API_TYPES_FILE = 'src/http/openapi/api-types.d.ts';

const HEADER =
  '/**\n * The API as TypeScript types, generated from GET /v1/openapi.json by `npm run api:types`; do not edit.\n' +
  ' * `npm run check:api` fails when this file is stale.\n */\n';

export async function apiTypesText(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  return execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${API_TYPES_FILE}`], {
    input: HEADER + astToString(ast),
    encoding: 'utf8',
  });
}
