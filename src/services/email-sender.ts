import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database, Executor } from '../db/database.js';
import { emailOutboxRepository } from '../db/repositories/email-outbox.js';
import type { EmailOutboxRow } from '../db/tables.js';
import { type EmailOutcome, renderTemplate, type TemplateContent } from '../domain/email-templates.js';
import { mailValues, templateFor } from './email-templates.js';
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

/** What a mail says and where its unsubscribe link goes, made from its row as the data stands now. */
export async function renderOutboxMail(
  db: Executor,
  deps: { box: SecretBox; publicUrl: string },
  mail: Pick<EmailOutboxRow, 'campaign_id' | 'referrer_id' | 'send_id' | 'kind' | 'to_address' | 'variables'>,
): Promise<TemplateContent & { unsubscribeUrl: string }> {
  const campaign = mail.campaign_id
    ? await db.selectFrom('campaigns').select('name').where('id', '=', mail.campaign_id).executeTakeFirst()
    : undefined;
  const referrer = mail.referrer_id
    ? await db
        .selectFrom('referrers')
        .select(['first_name', 'last_name', 'email', 'slug', 'referral_code'])
        .where('id', '=', mail.referrer_id)
        .executeTakeFirst()
    : undefined;
  let content: TemplateContent;
  if (mail.kind === 'once_off') {
    content = await db
      .selectFrom('email_sends')
      .select(['subject', 'html', 'text'])
      .where('id', '=', mail.send_id!)
      .executeTakeFirstOrThrow();
  } else {
    content = await templateFor(db, mail.campaign_id, mail.kind);
  }
  const unsubscribeUrl = unsubscribeLink(
    deps.publicUrl,
    unsubscribeToken(deps.box, { email: mail.to_address, campaignId: mail.campaign_id }),
  );
  const values = mailValues({
    publicUrl: deps.publicUrl,
    campaignName: campaign?.name,
    referrer,
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
 * Sends the outbox: takes the mails due, one at a time, and records each attempt. A mail is held while it
 * is sent (`lockMs`), so two processes never send it at once; a process killed mid-send leaves the hold to
 * run out, and the mail is tried again (see docs/email.md for the one window where that sends it twice).
 */
export function emailSender(deps: EmailSenderDeps) {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const maxAttempts = deps.maxAttempts ?? 8;
  const retryDelayMs = deps.retryDelayMs ?? defaultRetryDelay;
  // Connect, greeting, each command: a live sender finishes well inside this.
  const lockMs = timeoutMs * 4 + 5_000;
  const domain = senderDomain(deps.from);

  async function isSuppressed(address: string): Promise<string | undefined> {
    const row = await deps.database.db
      .selectFrom('email_suppressions')
      .select('reason')
      .where('email', '=', address.trim().toLowerCase())
      .executeTakeFirst();
    return row?.reason;
  }

  async function attempt(mail: EmailOutboxRow): Promise<void> {
    const attemptedAt = deps.now();
    const started = Date.now();
    const rendered = await renderOutboxMail(deps.database.db, deps, mail);
    const stored = { subject: rendered.subject, html: rendered.html, text: rendered.text };
    // A sign-in link is asked for by the person themselves: it is sent even to an unsubscribed address.
    const suppressed = mail.kind === 'sign_in' ? undefined : await isSuppressed(mail.to_address);
    if (suppressed) {
      await deps.database.db.transaction().execute((tx) =>
        emailOutboxRepository(tx).recordAttempt(
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
        ),
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
    await deps.database.db.transaction().execute((tx) =>
      emailOutboxRepository(tx).recordAttempt(
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
      ),
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
      const at = deps.now();
      const claimed = await emailOutboxRepository(deps.database.db).claimDue(
        at,
        new Date(at.getTime() + lockMs),
        limit,
      );
      for (const mail of claimed) {
        // One at a time: a mail is recorded before the next is sent, so a crash leaves at most one in doubt.
        await attempt(mail).catch((err) =>
          deps.logger.error({ err, email_id: mail.id }, 'email attempt could not run; its hold will free it'),
        );
      }
      return claimed.length;
    },
  };
}

export type EmailSender = ReturnType<typeof emailSender>;
