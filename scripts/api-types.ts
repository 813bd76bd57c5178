/** Writes the API's TypeScript types from its OpenAPI document (`npm run api:types`). */
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypesText } from './api-types-text.js';
import { openApiDocument } from './openapi-document.js';

writeFileSync(API_TYPES_FILE, await apiTypesText(await openApiDocument()));
console.log(`wrote ${API_TYPES_FILE}`);
