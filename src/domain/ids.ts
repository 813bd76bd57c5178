import { randomBytes, randomFillSync } from 'node:crypto';

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
  user: 'usr',
  invite: 'inv',
  portalSession: 'prs',
  auditEntry: 'aud',
  emailSend: 'snd',
} as const;

export type IdPrefix = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

let lastTime = 0;
/** `lastTime` encoded, made once per millisecond. */
let lastTimeText = '';
const lastRandom = new Uint8Array(10);
/** The first 11 of `lastRandom`'s 16 characters: they change only when an increment carries past bit 25. */
let lastRandomHead = '';

/** Random bytes drawn 4 KB at a time: a call to the system's generator costs far more than 10 bytes of it. */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

function fillRandom(bytes: Uint8Array): void {
  if (poolUsed + bytes.length > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  bytes.set(pool.subarray(poolUsed, poolUsed + bytes.length));
  poolUsed += bytes.length;
}

/** The lowest `length` 5-bit groups of a big-endian byte string, most significant first. */
function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  let acc = 0;
  let accBits = 0;
  let i = bytes.length - 1;
  for (let k = length - 1; k >= 0; k--) {
    while (accBits < 5 && i >= 0) {
      acc |= bytes[i--]! << accBits;
      accBits += 8;
    }
    out = ALPHABET[acc & 31]! + out;
    acc >>>= 5;
    accBits -= 5;
  }
  return out;
}

/** Adds one to a big-endian byte string in place, so ids made in the same millisecond still sort in order. */
function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 255) {
      bytes[i]! += 1;
      return;
    }
    bytes[i] = 0;
  }
}

/**
 * A prefixed id that sorts by creation time: `cmp_` + 10 characters of milliseconds + 16 of randomness.
 * Within one process ids are strictly increasing, which keeps `starting_after` pagination stable.
 */
export function createId(prefix: IdPrefix, now = Date.now()): string {
  if (now <= lastTime) {
    increment(lastRandom);
    if (lowBits(lastRandom) !== 0) {
      return `${prefix}_${lastTimeText}${lastRandomHead}${encode(lastRandom, 5)}`;
    }
  } else {
    lastTime = now;
    fillRandom(lastRandom);
    const time = Buffer.alloc(6);
    time.writeUIntBE(lastTime, 0, 6);
    lastTimeText = encode(time, 10);
  }
  const text = encode(lastRandom, 16);
  lastRandomHead = text.slice(0, 11);
  return `${prefix}_${lastTimeText}${text}`;
}

/** The lowest 25 bits of a 10-byte big-endian string: what the last 5 characters of its encoding hold. */
function lowBits(bytes: Uint8Array): number {
  return ((bytes[6]! & 1) << 24) | (bytes[7]! << 16) | (bytes[8]! << 8) | bytes[9]!;
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
