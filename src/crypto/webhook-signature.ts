import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature of an outgoing webhook. */
export const SIGNATURE_HEADER = 'Vouch-Signature';

/** How far a signature's timestamp may be from the receiver's clock, by default: five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new endpoint secret: `whsec_` and 32 random base64url characters (192 bits). */
export function generateEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/**
 * The hex HMAC-SHA256 of `<timestamp>.<payload>`, keyed with the whole secret string (`whsec_` included).
 * `payload` is the request body exactly as sent (a string is taken as UTF-8).
 */
export function computeSignature(payload: string | Uint8Array, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(payload).digest('hex');
}

/**
 * The `Vouch-Signature` value: `t=<unix seconds>,v1=<hex>`, with one `v1` per secret (two while a rotated
 * secret is still honoured).
 */
export function signatureHeader(payload: string, secrets: string[], timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${computeSignature(payload, s, timestamp)}`)].join(',');
}

/** The timestamp and v1 signatures of a header value; undefined when it is not one. */
export function parseSignatureHeader(
  header: string,
): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * True when `header` holds a v1 signature of `payload` (the raw body) made with `secret`, and its timestamp
 * is within `toleranceSeconds` of `nowSeconds`. Compares in constant time.
 */
export function verifySignature(
  header: string | undefined,
  payload: string | Uint8Array,
  secret: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): boolean {
  const parsed = header ? parseSignatureHeader(header) : undefined;
  if (!parsed) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return false;
  const expected = Buffer.from(computeSignature(payload, secret, parsed.timestamp), 'hex');
  return parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}
