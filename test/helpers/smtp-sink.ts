import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One mail the server accepted (answered 250 to). */
export type ReceivedMail = { to: string[]; messageId: string; subject: string; raw: string };

/**
 * What the server answers to the n-th message it is sent (1-based): accept it, refuse it with an SMTP
 * code, or say nothing at all (a stalled server).
 */
export type Answer = 'accept' | 'stall' | { code: number; message: string };

export type SmtpSink = {
  url: string;
  accepted: ReceivedMail[];
  /** Messages sent to it, answered or not. */
  offered: number;
  close(): Promise<void>;
};

export const header = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 that keeps what it accepts. `answer` decides each
 * message's fate; `silentConnections` makes the first n connections hang up nothing and say nothing (a server
 * that accepts the connection and never greets).
 */
export async function startSmtpSink(
  options: { answer?: (n: number, mail: ReceivedMail) => Answer; silentConnections?: number } = {},
): Promise<SmtpSink> {
  const accepted: ReceivedMail[] = [];
  const sink = { accepted, offered: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(raw, 'Message-ID').trim(),
          subject: header(raw, 'Subject').trim(),
          raw,
        };
        const n = ++sink.offered;
        const answer = options.answer?.(n, mail) ?? 'accept';
        if (answer === 'stall') return;
        if (answer === 'accept') {
          accepted.push(mail);
          callback();
          return;
        }
        const error = new Error(answer.message) as Error & { responseCode: number };
        error.responseCode = answer.code;
        callback(error);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const smtpPort = (server.server.address() as AddressInfo).port;

  // In front: the first connections are held in silence; the others are passed to the SMTP server.
  let silent = options.silentConnections ?? 0;
  const held: Socket[] = [];
  const front: Server = createServer((socket) => {
    if (silent > 0) {
      silent--;
      held.push(socket);
      socket.on('error', () => {});
      return;
    }
    const upstream = connect(smtpPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    get offered() {
      return sink.offered;
    },
    async close() {
      for (const s of held) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
