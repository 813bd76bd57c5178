/** The human tables of the webhooks bench. */
import type { BurstResult } from './burst.js';
import type { EventBodies } from './event-bodies.js';
import type { RawBaseline } from './raw-baseline.js';
import type { SteadyResult } from './steady.js';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const row = (cells: Array<string | number>, widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]!) : String(c).padStart(widths[i]!))).join(' ');

export function printSteady(s: SteadyResult): void {
  const ms = (v: number | null) => (v === null ? `>${s.not_qualified_after_ms}` : String(v));
  const widths = [10, 8, 8, 8, 8, 12, 9];
  console.log(`\nSteady: ${s.leads} friends paid at ${s.payments_per_s_target}/s, payment to lead.qualified`);
  console.log(row(['payments/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'qualified', '< 250 ms'], widths));
  console.log(
    row(
      [
        s.payments_per_s_returned,
        ms(s.p50_ms),
        ms(s.p95_ms),
        ms(s.p99_ms),
        ms(s.max_ms),
        `${s.qualified} of ${s.leads}`,
        s.within_250_ms,
      ],
      widths,
    ),
  );
  console.log(
    `payments started ${s.payments_per_s_started}/s, returned ${s.payments_per_s_returned}/s (first started to last returned). ` +
      `p99 target < 250 ms. charge.succeeded arriving ${s.charges_arriving_per_s}/s, applied ${s.charges_applied_per_s}/s ` +
      `while paying; ${s.charges_waiting_at_last_payment} waiting at the last payment; ` +
      `${s.events_unapplied_at_end} unapplied ${s.wait_ms / 1000} s after; webhook retries ${s.webhook_retries}`,
  );
  console.log(
    `split per charge.succeeded: payment returned to event in the inbox p50 ${s.delivery_p50_ms} ms, ` +
      `p99 ${s.delivery_p99_ms} ms; inbox to applied p50 ${s.apply_p50_ms} ms, p99 ${s.apply_p99_ms} ms`,
  );
}

export function printBurst(b: BurstResult, raw: RawBaseline, bodies: EventBodies): void {
  const widths = [40, 7, 8, 7, 7];
  console.log(
    `\nBurst: ${b.events} signed events (mean ${bodies.mean_bytes} B), ${b.connections} connections`,
  );
  console.log(row(['writer', 'per s', 'seconds', 'p50 ms', 'p99 ms'], widths));
  console.log(
    row(
      [`raw insert, pg.Pool of ${b.connections} (baseline)`, raw.rows_per_s, raw.seconds, '-', '-'],
      widths,
    ),
  );
  console.log(
    row(
      ['vouch acknowledged: first sent to last 200', b.ack_per_s, b.ack_seconds, b.ack_p50_ms, b.ack_p99_ms],
      widths,
    ),
  );
  console.log(
    row(
      [
        'vouch applied: first received to last',
        b.applied_per_s,
        b.drain_seconds,
        b.apply_p50_ms,
        b.apply_p99_ms,
      ],
      widths,
    ),
  );
  console.log(
    `applied / raw ${(b.applied_per_s / raw.rows_per_s).toFixed(2)} (target >= 0.45); ` +
      `acknowledged / raw ${(b.ack_per_s / raw.rows_per_s).toFixed(2)}`,
  );
  console.log(
    `applied by the last 200: ${pct(b.applied_at_last_ack)} of all, ${pct(b.handled_applied_at_last_ack)} of the ` +
      `${b.handled} that need applying; last applied ${b.after_last_ack_seconds} s after the last 200`,
  );
  console.log(
    `200s ${b.ok_200}, rows ${b.rows}, applied ${b.applied}, dead-lettered ${b.dead}, failed once or more ${b.failed}; ` +
      `duplicates ${b.duplicates}, non-2xx ${b.non_2xx}, errors ${b.errors}`,
  );
  console.log(
    `referred friends: ${b.leads} leads, ${b.leads_linked} linked, ${b.leads_qualified} qualified; ` +
      `CPU: vouch ${b.vouch_cpu_ack_pct}% acknowledging, ${b.vouch_cpu_drain_pct}% to the end of the drain; ` +
      `load generator ${b.load_cpu_pct}%`,
  );
  for (const w of b.db_waits_ack)
    console.log(`  vouch db connections, acknowledging: ${pct(w.share)} ${w.what}`);
  for (const w of b.db_waits_after)
    console.log(`  vouch db connections, after:         ${pct(w.share)} ${w.what}`);
}
