import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database, Executor } from '../db/database.js';
import { emailOutboxRepository } from '../db/repositories/email-outbox.js';
import type { EmailOutboxRow } from '../db/tables.js';
import {
  DEFAULT_TEMPLATES,
  type EmailOutcome,
  renderTemplate,
  type TemplateContent,
} from '../domain/email-templates.js';
import { mailValues } from './email-templates.js';
import { type EmailTransport, TransportError } from './email-transport.js';
import { unsubscribeLink, unsubscribeToken } from './unsubscribe-tokens.js';

export type EmailSendOptions = {
  /** The sender, `Name <address>` or an address (VOUCH_EMAIL_FROM). */
  from: string;
  /** How long the SMTP server has for each step (connect, greeting, each reply); default 30 s. */
  timeoutMs?: number | undefined;
  /** Attempts before a mail is marked failed (default 8). */
  maxAttempts?: number | undefined;
  /** The wait after the n-th failed attempt (default 30 s, doubling, at most 2 h). */
  retryDelayMs?: ((attempt: number) => number) | undefined;
};

export type EmailSenderDeps = EmailSendOptions & {
  database: Database;
  box: SecretBox;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  transport: EmailTransport;
};

const defaultRetryDelay = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 2 * 60 * 60_000);

type Mail = Pick<
  EmailOutboxRow,
  'campaign_id' | 'referrer_id' | 'send_id' | 'kind' | 'to_address' | 'variables'
>;

/**
 * What the mails of a batch need, read in a few statements for the whole batch: referrers, campaign names,
 * templates, once-off contents and the suppressed addresses among the recipients.
 */
async function loadContext(db: Executor, mails: Mail[]) {
  const ids = (pick: (m: Mail) => string | null) => [
    ...new Set(mails.map(pick).filter((v): v is string => v !== null)),
  ];
  const [referrerIds, campaignIds, sendIds] = [
    ids((m) => m.referrer_id),
    ids((m) => m.campaign_id),
    ids((m) => m.send_id),
  ];
  const addresses = [...new Set(mails.map((m) => m.to_address.trim().toLowerCase()))];
  const none = Promise.resolve([]);
  const [referrers, campaigns, templates, sends, suppressions] = await Promise.all([
    referrerIds.length
      ? db
          .selectFrom('referrers')
          .select(['id', 'first_name', 'last_name', 'email', 'slug', 'referral_code'])
          .where('id', 'in', referrerIds)
          .execute()
      : none,
    campaignIds.length
      ? db.selectFrom('campaigns').select(['id', 'name']).where('id', 'in', campaignIds).execute()
      : none,
    campaignIds.length
      ? db
          .selectFrom('email_templates')
          .select(['campaign_id', 'kind', 'subject', 'html', 'text'])
          .where('campaign_id', 'in', campaignIds)
          .execute()
      : none,
    sendIds.length
      ? db
          .selectFrom('email_sends')
          .select(['id', 'subject', 'html', 'text'])
          .where('id', 'in', sendIds)
          .execute()
      : none,
    db.selectFrom('email_suppressions').select(['email', 'reason']).where('email', 'in', addresses).execute(),
  ]);
  return {
    referrers: new Map(referrers.map((r) => [r.id, r])),
    campaigns: new Map(campaigns.map((c) => [c.id, c.name])),
    templates: new Map(templates.map((t) => [`${t.campaign_id}:${t.kind}`, t as TemplateContent])),
    sends: new Map(sends.map((s) => [s.id, s as TemplateContent])),
    suppressions: new Map(suppressions.map((s) => [s.email, s.reason])),
  };
}
type Context = Awaited<ReturnType<typeof loadContext>>;

/** What a mail says and where its unsubscribe link goes, made from its row as the data stands now. */
function render(
  deps: { box: SecretBox; publicUrl: string },
  context: Context,
  mail: Mail,
): TemplateContent & { unsubscribeUrl: string } {
  const content =
    mail.kind === 'once_off'
      ? context.sends.get(mail.send_id!)
      : (context.templates.get(`${mail.campaign_id}:${mail.kind}`) ?? DEFAULT_TEMPLATES[mail.kind]);
  if (!content) throw new Error(`the once-off send ${mail.send_id} is gone`);
  const unsubscribeUrl = unsubscribeLink(
    deps.publicUrl,
    unsubscribeToken(deps.box, { email: mail.to_address, campaignId: mail.campaign_id }),
  );
  const values = mailValues({
    publicUrl: deps.publicUrl,
    campaignName: mail.campaign_id ? context.campaigns.get(mail.campaign_id) : undefined,
    referrer: mail.referrer_id ? context.referrers.get(mail.referrer_id) : undefined,
    variables: mail.variables,
    unsubscribeUrl,
  });
  return { ...renderTemplate(content, values), unsubscribeUrl };
}

/** The domain of the sender address, for Message-IDs. */
function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'vouch.invalid';
}

/**
 * Sends the outbox: takes the mails due and sends them one at a time, recording each attempt before the
 * next. Taken mails are held (`lockMs`, renewed while this process works on them), so two processes never
 * send one at once; a process killed mid-send leaves its hold to run out, and the mail is tried again (see
 * docs/email.md for the one window where that sends it twice).
 */
export function emailSender(deps: EmailSenderDeps) {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const maxAttempts = deps.maxAttempts ?? 8;
  const retryDelayMs = deps.retryDelayMs ?? defaultRetryDelay;
  const lockMs = timeoutMs * 2 + 5_000;
  const domain = senderDomain(deps.from);

  async function attempt(mail: EmailOutboxRow, context: Context): Promise<void> {
    const attemptedAt = deps.now();
    const started = Date.now();
    const repo = emailOutboxRepository(deps.database.db);
    const rendered = render(deps, context, mail);
    const stored = { subject: rendered.subject, html: rendered.html, text: rendered.text };
    // A sign-in link is asked for by the person themselves: it is sent even to an unsubscribed address.
    const suppressed =
      mail.kind === 'sign_in' ? undefined : context.suppressions.get(mail.to_address.trim().toLowerCase());
    if (suppressed) {
      await repo.recordAttempt(
        mail.id,
        {
          ...stored,
          status: 'suppressed',
          next_attempt_at: attemptedAt,
          last_error: `not sent: the address is on the suppression list (${suppressed})`,
          message_id: null,
        },
        {
          attempted_at: attemptedAt,
          outcome: 'suppressed',
          smtp_response: null,
          error: null,
          duration_ms: 0,
        },
      );
      return;
    }
    const messageId = `<${mail.id}@${domain}>`;
    let outcome: EmailOutcome;
    let response: string | null = null;
    let error: string | null = null;
    try {
      const result = await deps.transport.send({
        from: deps.from,
        to: mail.to_address,
        ...stored,
        messageId,
        headers:
          mail.kind === 'sign_in'
            ? {}
            : {
                'List-Unsubscribe': `<${rendered.unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              },
      });
      outcome = deps.transport.kind === 'mailbox' ? 'mailbox' : 'sent';
      response = result.response;
    } catch (err) {
      const e =
        err instanceof TransportError ? err : new TransportError(String(err), undefined, undefined, false);
      outcome = e.permanent ? 'permanent_failure' : 'temporary_failure';
      response = e.response ?? null;
      error = e.message;
    }
    const attempts = mail.attempts + 1;
    const failed =
      outcome === 'permanent_failure' || (outcome === 'temporary_failure' && attempts >= maxAttempts);
    const status = outcome === 'sent' || outcome === 'mailbox' ? outcome : failed ? 'failed' : 'pending';
    const nextAttemptAt =
      status === 'pending' ? new Date(deps.now().getTime() + retryDelayMs(attempts)) : attemptedAt;
    await repo.recordAttempt(
      mail.id,
      {
        ...stored,
        status,
        next_attempt_at: nextAttemptAt,
        last_error: error,
        message_id: messageId,
        ...(status === 'sent' || status === 'mailbox' ? { sent_at: deps.now() } : {}),
      },
      {
        attempted_at: attemptedAt,
        outcome,
        smtp_response: response,
        error,
        duration_ms: Date.now() - started,
      },
    );
    if (error)
      deps.logger.warn(
        {
          email_id: mail.id,
          kind: mail.kind,
          attempt: attempts,
          outcome,
          smtp_response: response,
          err: error,
        },
        'email attempt failed',
      );
  }

  return {
    lockMs,
    /** Takes up to `limit` mails due now and sends them one after another; answers how many it took. */
    async sendDue(limit: number): Promise<number> {
      const repo = emailOutboxRepository(deps.database.db);
      const at = deps.now();
      const claimed = await repo.claimDue(at, new Date(at.getTime() + lockMs), limit);
      if (claimed.length === 0) return 0;
      const held = new Set(claimed.map((m) => m.id));
      // The mails not yet sent stay held while this process lives, however slow the server.
      const heartbeat = setInterval(() => {
        repo.renew([...held], new Date(deps.now().getTime() + lockMs)).catch((err) => {
          deps.logger.warn({ err }, 'email holds could not be renewed');
        });
      }, lockMs / 4);
      try {
        const context = await loadContext(deps.database.db, claimed);
        for (const mail of claimed) {
          // One at a time: a mail is recorded before the next is sent, so a crash leaves at most one in doubt.
          await attempt(mail, context).catch((err) =>
            deps.logger.error(
              { err, email_id: mail.id },
              'email attempt could not run; its hold will free it',
            ),
          );
          held.delete(mail.id);
        }
      } finally {
        clearInterval(heartbeat);
      }
      return claimed.length;
    },
  };
}

export type EmailSender = ReturnType<typeof emailSender>;
