import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are stored as scrypt hashes in the PHC string format, `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, so
 * a hash made with other parameters (stronger ones, later) still verifies: each carries its own.
 */
const PARAMS = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Verified against when the email is unknown, so that a wrong email costs the same time as a wrong
 * password and the answer's timing does not tell who has an account.
 */
const STAND_IN = `$scrypt$ln=${PARAMS.ln},r=${PARAMS.r},p=${PARAMS.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.ln,
    r: params.r,
    p: params.p,
    maxmem: 256 * 2 ** params.ln * params.r,
  };
  // The same password typed on another keyboard or system may arrive composed differently.
  const text = password.normalize('NFKC');
  return new Promise((resolve, reject) =>
    scrypt(text, salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PARAMS);
  return `$scrypt$ln=${PARAMS.ln},r=${PARAMS.r},p=${PARAMS.p}$${b64(salt)}$${b64(hash)}`;
}

/** Whether `password` is the one `stored` was made from (undefined: nobody's; costs the same, answers false). */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const match = FORMAT.exec(stored ?? STAND_IN);
  if (!match) return false;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Parameters come from the database; bounds keep a damaged row from costing minutes or gigabytes.
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(match[5]!, 'base64');
  const actual = await derive(password, Buffer.from(match[4]!, 'base64'), { ln, r, p });
  return stored !== undefined && expected.length === actual.length && timingSafeEqual(expected, actual);
}
