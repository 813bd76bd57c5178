import { Command } from 'commander';
import { askRunningVouch } from '../admin-socket.js';
import { loadConfig } from '../config.js';
import { OperatorError } from '../errors.js';

type Progress = Record<string, number | boolean | null> & { skipped_by_reason?: Record<string, number> };
type Sync = { id: string; status: string; stop_reason: string | null; dry_run: boolean; progress: Progress };

/** A bar for a terminal: `[#####-----]`, or a spinner-free count when the total is unknown. */
function bar(done: number, total: number | null, width = 30): string {
  if (!total) return '';
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.min(100, Math.round((done / total) * 100))}% `;
}

function line(s: Sync): string {
  const p = s.progress as Record<string, number | null>;
  const writes = (p.written_back ?? 0) + (p.already_current ?? 0) + (p.write_failures ?? 0);
  const total = p.listing_done ? writes + (p.writes_waiting ?? 0) : null;
  const phase = p.listing_done ? 'writing back' : 'reading customers';
  return (
    `${s.id} ${s.status}${s.dry_run ? ' (dry run)' : ''}${s.stop_reason ? ` (${s.stop_reason})` : ''} · ` +
    `${s.status === 'running' ? `${phase} ${bar(writes, total)}` : ''}` +
    `seen ${p.customers_seen} · created ${p.referrers_created} · already ${p.already_referrers} · ` +
    `skipped ${p.skipped} · written ${p.written_back} · current ${p.already_current} · failed ${p.write_failures}` +
    (p.customers_per_second && !p.listing_done ? ` · ${p.customers_per_second}/s` : '') +
    (p.writes_per_second && p.listing_done ? ` · ${p.writes_per_second} writes/s` : '') +
    (p.eta_seconds !== null && s.status === 'running' ? ` · ETA ${p.eta_seconds} s` : '')
  );
}

/** The API of the embedded Vouch running on the data dir, if one answers there (any PORT, even 0). */
async function runningVouchUrl(): Promise<string | undefined> {
  try {
    const config = loadConfig();
    if (config.databaseUrl) return undefined;
    return (await askRunningVouch(config.dataDir))?.url ?? undefined;
  } catch {
    return undefined; // a bad setting here only loses the guess; the defaults still apply
  }
}

/** `vouch sync <campaign-id>`: a campaign's latest sync (or a new one), followed with a progress line. */
export function syncCommand(): Command {
  return new Command('sync')
    .description("show (or --start) a campaign's sync of Stripe customers, --follow to watch it to the end")
    .argument('<campaign-id>', 'the campaign (cmp_...)')
    .option('--start', 'start a new sync with the default mapping (name, email; link to metadata)')
    .option('--dry-run', 'with --start: count what it would do, change nothing')
    .option('--ongoing', 'with --start: keep enrolling new customers')
    .option('--follow', 'redraw the progress every second until the sync is done')
    .option(
      '--url <url>',
      'the Vouch API (default: VOUCH_URL, else the Vouch running on the data dir, else http://localhost:$PORT)',
    )
    .option('--key <key>', 'a secret API key (default: VOUCH_API_KEY)')
    .action(
      async (
        campaignId: string,
        o: {
          start?: boolean;
          dryRun?: boolean;
          ongoing?: boolean;
          follow?: boolean;
          url?: string;
          key?: string;
        },
      ) => {
        const base = (
          o.url ??
          process.env.VOUCH_URL ??
          (await runningVouchUrl()) ??
          `http://localhost:${process.env.PORT ?? 3000}`
        ).replace(/\/$/, '');
        const key = o.key ?? process.env.VOUCH_API_KEY;
        if (!key)
          throw new OperatorError('Give a secret API key with --key or VOUCH_API_KEY (vouch keys create).');
        const call = async (method: string, path: string, body?: object) => {
          let res: Response;
          try {
            res = await fetch(`${base}${path}`, {
              method,
              headers: {
                authorization: `Bearer ${key}`,
                ...(body ? { 'content-type': 'application/json' } : {}),
              },
              ...(body ? { body: JSON.stringify(body) } : {}),
            });
          } catch (error) {
            throw new OperatorError(`Cannot reach Vouch at ${base} (${(error as Error).message}).`);
          }
          const json = (await res.json()) as { error?: { message: string } };
          if (!res.ok) throw new OperatorError(json.error?.message ?? `HTTP ${res.status}`);
          return json as unknown;
        };
        let sync: Sync | undefined;
        if (o.start) {
          sync = (await call('POST', `/v1/campaigns/${campaignId}/syncs`, {
            dry_run: o.dryRun === true,
            kind: o.ongoing ? 'ongoing' : 'one_time',
          })) as Sync;
        } else {
          const list = (await call('GET', `/v1/campaigns/${campaignId}/syncs?limit=1`)) as { data: Sync[] };
          sync = list.data[0];
          if (!sync) throw new OperatorError('This campaign has no sync yet; start one with --start.');
        }
        const tty = process.stdout.isTTY;
        for (;;) {
          const text = line(sync);
          process.stdout.write(tty && o.follow ? `\r\x1b[2K${text}` : `${text}\n`);
          if (!o.follow || sync.status !== 'running') break;
          await new Promise((r) => setTimeout(r, 1000));
          sync = (await call('GET', `/v1/syncs/${sync.id}`)) as Sync;
        }
        if (tty && o.follow) process.stdout.write('\n');
        if (sync.status === 'failed') process.exitCode = 1;
      },
    );
}
