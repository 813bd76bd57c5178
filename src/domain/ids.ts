import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so ids read aloud without ambiguity. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export const ID_PREFIXES = {
  apiKey: 'key',
  campaign: 'cmp',
  connection: 'conn',
  referrer: 'rfr',
  lead: 'lead',
  leadEvent: 'lev',
  domainEvent: 'dev',
  maintenanceRun: 'mnt',
  request: 'req',
  sync: 'syn',
  promotionCode: 'pcd',
  codeRedemption: 'crd',
  webhookEndpoint: 'whe',
  webhookDelivery: 'whd',
  reward: 'rwd',
  rewardEvent: 'rev',
  receipt: 'rcpt',
  task: 'tsk',
} as const;

export type IdPrefix = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

let lastTime = 0;
let lastRandom: Buffer = Buffer.alloc(10);

/** The lowest `length` 5-bit groups of a big-endian byte string, most significant first. */
function encode(bytes: Uint8Array, length: number): string {
  const out = new Array<string>(length);
  let acc = 0;
  let accBits = 0;
  let i = bytes.length - 1;
  for (let k = length - 1; k >= 0; k--) {
    while (accBits < 5 && i >= 0) {
      acc |= bytes[i--]! << accBits;
      accBits += 8;
    }
    out[k] = ALPHABET[acc & 31]!;
    acc >>>= 5;
    accBits -= 5;
  }
  return out.join('');
}

/** Adds one to a big-endian byte string, so ids made in the same millisecond still sort in order. */
function increment(buf: Buffer): Buffer {
  const next = Buffer.from(buf);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 255) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/**
 * A prefixed id that sorts by creation time: `cmp_` + 10 characters of milliseconds + 16 of randomness.
 * Within one process ids are strictly increasing, which keeps `starting_after` pagination stable.
 */
export function createId(prefix: IdPrefix, now = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomBytes(10);
  }
  const time = Buffer.alloc(6);
  time.writeUIntBE(lastTime, 0, 6);
  return `${prefix}_${encode(time, 10)}${encode(lastRandom, 16)}`;
}

/**
 * A prefixed id with no order and nothing in it but 130 random bits, for ids handed to strangers (a sign-up
 * receipt): unlike `createId`, it does not tell when the thing it names was made.
 */
export function createRandomId(prefix: IdPrefix): string {
  return `${prefix}_${encode(randomBytes(17), 26)}`;
}

/** True when `value` looks like an id `createId` or `createRandomId` makes for `prefix`. */
export function isId(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[${ALPHABET}]{26}$`).test(value);
}
