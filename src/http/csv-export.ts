import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A cell a spreadsheet would run as a formula starts with one of these; such cells get a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; formulas defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A CSV export: its columns, and how one object becomes a row. */
export type CsvColumns<T> = readonly (readonly [header: string, cell: (row: T) => string | number | null])[];

/** The header, then the rows of each page as it comes: one chunk a page, read only as the client takes it. */
async function* csvChunks<T>(columns: CsvColumns<T>, pages: AsyncIterable<T[]>): AsyncGenerator<string> {
  yield csvLine(columns.map(([header]) => header));
  for await (const page of pages) {
    let chunk = '';
    for (const row of page) chunk += csvLine(columns.map(([, cell]) => cell(row)));
    if (chunk) yield chunk;
  }
}

/**
 * Sends the pages as a CSV attachment. The stream pulls the next page only when the socket has taken the
 * previous one (backpressure), so a large export holds one page in memory at a time.
 */
export function sendCsv<T>(
  reply: FastifyReply,
  filename: string,
  columns: CsvColumns<T>,
  pages: AsyncIterable<T[]>,
): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Readable.from(csvChunks(columns, pages), { objectMode: false, highWaterMark: 64 * 1024 }));
}
