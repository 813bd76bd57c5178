import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts stored secrets (Stripe keys, webhook secrets) with AES-256-GCM under a key derived from
 * VOUCH_SECRET. The output `v1.<iv>.<tag>.<ciphertext>` (base64url) carries what decryption needs.
 */
export class SecretBox {
  readonly #key: Buffer;
  readonly #macKey: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'vouch', 'vouch secret box v1', 32));
    this.#macKey = Buffer.from(hkdfSync('sha256', secret, 'vouch', 'vouch signed links v1', 32));
  }

  /** An HMAC-SHA256 of `text` (base64url) under a key derived from VOUCH_SECRET: signs links Vouch hands out. */
  mac(text: string): string {
    return createHmac('sha256', this.#macKey).update(text).digest('base64url');
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) {
      throw new Error('Not a value sealed by this version of Vouch');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        'A stored secret could not be decrypted: VOUCH_SECRET differs from the one it was sealed with',
      );
    }
  }
}
