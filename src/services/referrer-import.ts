import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { isStorableText, UNSTORABLE_MESSAGE } from '../db/storable-text.js';
import { refuseJoin } from '../domain/campaign-rules.js';
import { normalizeEmail } from '../domain/people.js';
import { CODE_PATTERN } from '../domain/referral-codes.js';
import type { ImportRejection, ReferrerImport } from '../domain/referrer.js';
import { conflict, invalidParameter, notFound, VouchError } from '../errors.js';
import { insertReferrer, type NewReferrer, sendReferrerToStripe } from './referrer-writes.js';

export const MAX_IMPORT_ROWS = 10_000;
const KNOWN = new Set(['email', 'first_name', 'last_name', 'referral_code']);
const REQUIRED = ['email', 'first_name'];

/** `First Name` and `first-name` both mean `first_name`; `metadata.plan` keeps its key as written. */
const headerName = (raw: string) => {
  const trimmed = raw.trim();
  return trimmed.toLowerCase().startsWith('metadata.')
    ? `metadata.${trimmed.slice('metadata.'.length)}`
    : trimmed.toLowerCase().replace(/[\s-]+/g, '_');
};

const emailCheck = z.email();

function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new VouchError(
      400,
      'invalid_request_error',
      'csv_invalid',
      `The CSV could not be read: ${(error as Error).message}`,
      'file',
    );
  }
}

function checkHeader(header: string[]): string[] {
  if (!header.every(isStorableText))
    throw invalidParameter('file', `The column names ${UNSTORABLE_MESSAGE}.`);
  const names = header.map(headerName);
  for (const name of names) {
    if (!KNOWN.has(name) && !/^metadata\.[^.\s]{1,40}$/.test(name)) {
      throw invalidParameter(
        'file',
        `Unknown column "${name}". Columns are email, first_name, last_name, referral_code and metadata.<key>.`,
      );
    }
  }
  for (const required of REQUIRED) {
    if (!names.includes(required))
      throw invalidParameter(
        'file',
        `The CSV has no ${required} column; its first line must name the columns.`,
      );
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw invalidParameter('file', `The column ${dup} appears twice.`);
  return names;
}

/** Turns one data row into a referrer, or says why it cannot be one. */
function readRow(names: string[], cells: string[], rowNumber: number): NewReferrer | ImportRejection {
  const value = (name: string) => cells[names.indexOf(name)]?.trim() ?? '';
  const raw = value('email');
  const email = raw && isStorableText(raw) ? raw : null;
  const reject = (reason: string, param: string | null, message: string): ImportRejection => ({
    row: rowNumber,
    email,
    reason,
    param,
    message,
  });
  const bad = cells.findIndex((cell) => !isStorableText(cell));
  if (bad >= 0) {
    const column = names[bad] ?? null;
    return reject('invalid_text', column, `${column ?? `Column ${bad + 1}`} ${UNSTORABLE_MESSAGE}.`);
  }
  if (cells.length < names.length)
    return reject('missing_columns', null, `The row has ${cells.length} of ${names.length} columns.`);
  if (cells.length > names.length)
    return reject(
      'extra_columns',
      null,
      `The row has ${cells.length} columns; the header names ${names.length}.`,
    );
  if (!email) return reject('missing_field', 'email', 'email is empty.');
  if (!emailCheck.safeParse(email).success)
    return reject('invalid_email', 'email', `${email} is not an email address.`);
  const firstName = value('first_name');
  if (!firstName) return reject('missing_field', 'first_name', 'first_name is empty.');
  const code = value('referral_code');
  if (code && !CODE_PATTERN.test(code))
    return reject('invalid_referral_code', 'referral_code', `${code} is not a valid referral code.`);
  const metadata: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    if (name.startsWith('metadata.') && cells[i])
      metadata[name.slice('metadata.'.length)] = cells[i]!.slice(0, 500);
  }
  return {
    email,
    first_name: firstName,
    last_name: value('last_name') || null,
    metadata,
    ...(code ? { referral_code: code } : {}),
  };
}

/**
 * Adds referrers from a CSV in one transaction: rows that cannot be added are reported with their line
 * number and reason and the others are added; an unexpected failure adds none. Rows past the
 * participant limit are reported, not added.
 */
export async function importReferrers(
  database: Database,
  campaignId: string,
  csv: string,
  options: {
    generateCodes?: boolean | undefined;
    now?: () => Date;
    tasks?: { wake(): void } | undefined;
  } = {},
): Promise<ReferrerImport> {
  const records = parseCsv(csv);
  if (records.length === 0)
    throw invalidParameter('file', 'The CSV is empty; its first line must name the columns.');
  const names = checkHeader(records[0]!);
  const dataRows = records.slice(1);
  if (dataRows.length > MAX_IMPORT_ROWS) {
    throw new VouchError(
      413,
      'invalid_request_error',
      'csv_too_many_rows',
      `The CSV has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`,
      'file',
    );
  }
  const outcome = await database.db.transaction().execute(async (tx) => {
    const campaign = await campaignsRepository(tx).lock(campaignId);
    if (!campaign) throw notFound('campaign', campaignId);
    const refusal = refuseJoin(campaign.status);
    if (refusal) throw conflict(refusal.code, refusal.message);
    let room =
      campaign.participant_limit === null
        ? Number.POSITIVE_INFINITY
        : campaign.participant_limit - campaign.participant_count;
    const seen = new Set<string>();
    const report: ReferrerImport = {
      object: 'referrer_import',
      campaign_id: campaign.id,
      rows: dataRows.length,
      accepted: 0,
      rejected: 0,
      referrer_ids: [],
      errors: [],
    };
    const at = (options.now ?? (() => new Date()))();
    for (const [i, cells] of dataRows.entries()) {
      const row = readRow(names, cells, i + 2);
      const rejected = (r: ImportRejection) => {
        report.errors.push(r);
        report.rejected += 1;
      };
      if ('reason' in row) {
        rejected(row);
        continue;
      }
      const key = normalizeEmail(row.email);
      const reject = (reason: string, param: string | null, message: string) =>
        rejected({ row: i + 2, email: row.email, reason, param, message });
      if (seen.has(key)) {
        reject('duplicate_in_file', 'email', `${row.email} appears earlier in the file.`);
        continue;
      }
      seen.add(key);
      if (room <= 0) {
        reject(
          'participant_limit',
          null,
          `The campaign's participant limit (${campaign.participant_limit}) is reached.`,
        );
        continue;
      }
      const outcome = await insertReferrer(
        tx,
        campaign,
        { ...row, generateCode: options.generateCodes },
        'import',
        at,
      );
      if ('conflict' in outcome) {
        if (outcome.conflict === 'email')
          reject('already_referrer', 'email', `${row.email} is already a referrer in this campaign.`);
        else
          reject(
            'referral_code_taken',
            'referral_code',
            `The referral code ${row.referral_code} is taken in this campaign.`,
          );
        continue;
      }
      room -= 1;
      await sendReferrerToStripe(tx, campaign, outcome.referrer.id, at);
      report.accepted += 1;
      report.referrer_ids.push(outcome.referrer.id);
    }
    if (report.accepted > 0) await campaignsRepository(tx).takePlaces(campaign.id, report.accepted);
    return report;
  });
  if (outcome.accepted > 0) options.tasks?.wake();
  return outcome;
}
