import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  type AddressPolicy,
  addressAllowed,
  answerExcerpt,
  checkWebhookUrl,
  classifyAddress,
  refusedDeliveryMessage,
} from '../domain/webhook-address.js';

export type ResolvedAddress = { address: string; family: number };

/** Resolves a host name to all its addresses, as `dns.lookup` with `all: true` does. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (what every other connection of this process uses). */
export const systemResolver: ResolveHost = (hostname) => lookup(hostname, { all: true });

export type AttemptResult = {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

/** Bytes of a failed answer read for its excerpt: enough for the excerpt's characters in any script. */
const EXCERPT_BYTES = 1024;

/** A host name that resolved to an address the policy refuses: no connection is made. */
class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/**
 * `lookup` for the request: resolves the name, refuses it when any of its addresses is one the policy
 * refuses, and hands the connection exactly the addresses it checked (so a second answer from DNS, rebinding
 * the name inside, is never asked for).
 */
function guardedLookup(resolve: ResolveHost, policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = resolved.filter((a) => family === undefined || a.family === family);
        if (usable.length === 0)
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        if (!resolved.every((a) => addressAllowed(a.address, policy)))
          return callback(new AddressRefused(hostname), '');
        if (options.all) return callback(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENODATA', 'EAI_NODATA', 'EAI_NONAME', 'ESERVFAIL']);
const TLS_FAILURE =
  /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/**
 * What went wrong, for the endpoint's owner. Connection failures are one sentence whatever the cause
 * (refused, reset, unreachable), so the log does not tell an open port from a closed one.
 */
function describeFailure(error: unknown, timeoutMs: number, policy: AddressPolicy): string {
  if (error instanceof AddressRefused) return refusedDeliveryMessage(policy);
  const err = error as NodeJS.ErrnoException;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `No answer within ${timeoutMs} ms`;
  const code = err.code ?? '';
  if (DNS_FAILURES.has(code)) return "Could not deliver: the endpoint's host name did not resolve";
  if (TLS_FAILURE.test(code)) return `Could not deliver: the TLS connection failed (${code})`;
  return 'Could not deliver: no connection to the endpoint, or it closed the connection before answering';
}

/** The start of a failed answer's body, cleaned for the delivery log. */
function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.destroy();
      resolve(answerExcerpt(new TextDecoder().decode(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES))));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= EXCERPT_BYTES) done();
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

export type PostOptions = {
  timeoutMs: number;
  policy: AddressPolicy;
  resolveHost: ResolveHost;
};

/**
 * POSTs one body to one endpoint URL: any 2xx is a success, anything else (3xx included: redirects are not
 * followed) a failure. The URL and every address its host resolves to are checked first; a refused one gets
 * no connection at all. The log keeps the status and, from a public address only, a short cleaned excerpt
 * of a failed answer's body.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<AttemptResult> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  const verdict = checkWebhookUrl(url, options.policy);
  if (!verdict.ok) {
    const error =
      verdict.refusal === 'address'
        ? refusedDeliveryMessage(options.policy)
        : `Not sent: the endpoint's URL ${verdict.reason}`;
    return Promise.resolve({ ok: false, statusCode: null, error, durationMs: duration() });
  }
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: duration() });
    };
    const send = verdict.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      verdict.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.resolveHost, options.policy),
        signal: AbortSignal.timeout(options.timeoutMs),
        // A connection of its own each time: no pooled socket skips the lookup and its check.
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          response.destroy();
          return finish({ ok: true, statusCode: status, error: null });
        }
        const failed = (text: string) =>
          finish({
            ok: false,
            statusCode: status,
            error: `The endpoint answered ${status}${text ? `: ${text}` : ''}`,
          });
        const remote = response.socket.remoteAddress;
        if (remote === undefined || classifyAddress(remote) !== 'public') {
          response.destroy();
          return failed('');
        }
        readExcerpt(response).then(failed);
      },
    );
    request.on('error', (error) =>
      finish({
        ok: false,
        statusCode: null,
        error: describeFailure(error, options.timeoutMs, options.policy),
      }),
    );
    request.end(body);
  });
}
