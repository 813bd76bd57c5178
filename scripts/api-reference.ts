/** Writes docs/api-reference.md from the OpenAPI document of the app (`npm run docs:api`). */
import { writeFileSync } from 'node:fs';
import { renderReference } from '../src/http/openapi/render-reference.js';
import { openApiDocument } from './openapi-document.js';

writeFileSync('docs/api-reference.md', renderReference(await openApiDocument()));
console.log('wrote docs/api-reference.md');
