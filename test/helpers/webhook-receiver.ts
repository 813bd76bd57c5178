import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The verification docs/outgoing-webhooks.md gives receivers, word for word: the test receiver uses it, so
 * the documented method is the one the tests prove.
 */
function verifyVouchSignature(header: string, rawBody: Buffer, secret: string, toleranceSeconds = 300) {
  const pairs = header.split(',').map((part) => part.split('=', 2));
  const t = Number(pairs.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return pairs
    .filter(([key]) => key === 'v1')
    .some(([, hex]) => {
      const given = Buffer.from(hex ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

export type ReceivedEvent = {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read payload fields freely
  event: any;
  /** Whether the signature verified with the receiver's secret at the time. */
  verified: boolean;
  /** What the receiver answered. */
  status: number;
};

export type WebhookReceiver = {
  /** http://127.0.0.1:<port>/vouch-events: a loopback address, so Vouch delivers to it only when private
   * delivery is allowed (`allowPrivate: true`, VOUCH_WEBHOOK_ALLOW_PRIVATE). */
  url: string;
  port: number;
  /** The endpoint secret the receiver verifies with; requests that do not verify get a 400. */
  secret: string;
  received: ReceivedEvent[];
  /** The status to answer to the n-th request (1-based) that verified; 200 by default. */
  respond: (n: number) => number;
  /** Requests about one campaign (endpoints hear about every campaign). */
  forCampaign(campaignId: string): ReceivedEvent[];
  close(): Promise<void>;
};

/**
 * A business's webhook receiver on 127.0.0.1: verifies each request's signature as the docs say. Tests that
 * deliver to it opt in to private delivery; with the address guard on, nothing reaches it.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let verifiedCount = 0;
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    secret: '',
    received: [],
    respond: () => 200,
    forCampaign: (campaignId) => receiver.received.filter((r) => r.event?.data?.campaign_id === campaignId),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const verified = verifyVouchSignature(
        String(req.headers['vouch-signature'] ?? ''),
        raw,
        receiver.secret,
      );
      const status = verified ? receiver.respond(++verifiedCount) : 400;
      let event: unknown;
      try {
        event = JSON.parse(raw.toString('utf8'));
      } catch {
        event = undefined;
      }
      receiver.received.push({ headers: req.headers, raw, event, verified, status });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(verified ? (status < 300 ? 'ok' : 'receiver is down') : 'bad signature');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/vouch-events`;
  return receiver;
}
