import nodemailer from 'nodemailer';

/** One mail as it leaves Vouch. */
export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The same on every attempt, so a receiving server or client can tell a repeat. */
  messageId: string;
  headers: Record<string, string>;
};

/** What the receiving side said. */
export type TransportResult = { response: string };

/** A failure, with the SMTP reply when there was one. */
export class TransportError extends Error {
  constructor(
    message: string,
    /** The SMTP reply code (550, 451, ...); undefined when the server did not answer (timeouts, refusals). */
    readonly responseCode: number | undefined,
    readonly response: string | undefined,
    /** The recipient itself was refused (5xx on RCPT TO): trying again cannot help. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export type EmailTransport = {
  /** smtp: sent to the SMTP server; mailbox: kept in Vouch's local mailbox, sent nowhere. */
  kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<TransportResult>;
  close(): void;
};

/** The local mailbox of embedded mode without SMTP: the outbox row is the mail, nothing leaves. */
export const mailboxTransport: EmailTransport = {
  kind: 'mailbox',
  send: async () => ({ response: 'kept in the local mailbox' }),
  close: () => {},
};

/**
 * SMTP through nodemailer. `timeoutMs` bounds connecting, the greeting and each wait for the server, so a
 * server that accepts the connection and then says nothing fails the attempt (it is tried again later).
 */
export function smtpTransport(url: string, timeoutMs: number): EmailTransport {
  // One connection kept open and reused: mail is sent one at a time (email-sender.ts).
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 1,
    maxMessages: 1000,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        const info = (await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers,
        })) as { response?: string };
        return { response: info.response ?? '' };
      } catch (err) {
        const e = err as { message?: string; responseCode?: number; response?: string; command?: string };
        const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
        const permanent = code !== undefined && code >= 500 && e.command === 'RCPT TO';
        throw new TransportError(String(e.message ?? err), code, e.response, permanent);
      }
    },
    close: () => transporter.close(),
  };
}

/** The transport settings say what the URL is without its password, for logs. */
export function describeSmtpUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
