import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L or U/V look-alikes: a code read over the phone survives. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const SUFFIX_LENGTH = 4;
const PREFIX_MAX = 8;

export const CODE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{1,30})[A-Za-z0-9]$/;

function suffix(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/**
 * A human-friendly code from the first name: `Jane` gives `JANE-7K2Q`, `Zoë` gives `ZOE-...`. Names with
 * no Latin letters fall back to `REF`. `extra` lengthens the random part after repeated collisions.
 */
export function generateReferralCode(firstName: string | null | undefined, extra = 0): string {
  const letters = (firstName ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, PREFIX_MAX);
  return `${letters.length >= 2 ? letters : 'REF'}-${suffix(SUFFIX_LENGTH + extra)}`;
}

/** Codes are stored as given and compared in upper case. */
export const normalizeCode = (code: string) => code.trim().toUpperCase();

/** Referral link slugs: 10 lower-case characters from the same unambiguous alphabet. */
export function generateSlug(): string {
  return suffix(10).toLowerCase();
}

export const SLUG_PATTERN = /^[a-z0-9]{4,40}$/;
