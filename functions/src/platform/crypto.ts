import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal information at rest (个人信息保护法): AES-256-GCM for values we must read back,
 * HMAC-SHA256 for the uniqueness keys (one person, one membership; one phone, one member).
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Keyed hash, stable across calls: the value stored for uniqueness checks. */
  hash(kind: 'id' | 'phone', plain: string): string;
}

export const createPiiCipher = (keyBase64: string, hmacKeyBase64: string): PiiCipher => {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('PII key must be 32 bytes');
  const hmacKey = Buffer.from(hmacKeyBase64, 'base64');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    hash(kind, plain) {
      return createHmac('sha256', hmacKey).update(`${kind}:${plain}`).digest('base64url');
    },
  };
};
