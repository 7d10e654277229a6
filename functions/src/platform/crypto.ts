import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** The personal fields sealed at rest. */
export type PiiField = 'idNumber' | 'phone';

/**
 * What a ciphertext belongs to: the record that holds it and the field it sits in. Both are
 * authenticated as AES-GCM associated data, so a ciphertext copied to another record or field
 * does not decrypt.
 */
export interface PiiBinding {
  record: string;
  field: PiiField;
}

/**
 * The binding of a member's real-name profile. The profile is one record of one person, stored
 * in copies (the application, then each membership after approval and transfer, all with the
 * same `userId`), so the record it is bound to is its owner's: the copies stay readable without
 * re-encrypting, and a ciphertext moved into another person's record, or into the other field,
 * fails to decrypt.
 */
export const memberProfileBinding = (userId: string, field: PiiField): PiiBinding => ({ record: `USER#${userId}`, field });

/** Thrown when a ciphertext is malformed, tampered with, or not bound to the record and field it was read from. */
export class PiiSealError extends Error {
  override readonly name = 'PiiSealError';
}

/**
 * Personal information at rest (个人信息保护法): AES-256-GCM for values we must read back,
 * HMAC-SHA256 for the uniqueness keys (one person, one membership; one phone, one member).
 */
export interface PiiCipher {
  encrypt(plain: string, binding: PiiBinding): string;
  decrypt(sealed: string, binding: PiiBinding): string;
  /** Keyed hash, stable across calls: the value stored for uniqueness checks. */
  hash(kind: 'id' | 'phone', plain: string): string;
}

export interface PiiCipherOptions {
  /**
   * Also read `v1` ciphertexts (sealed before bindings existed, no associated data). Only the
   * `local` stage sets it, for demo data kept in .data/ by an earlier `npm start`.
   */
  readUnboundV1?: boolean;
}

const VERSION = 'v2';

/** Unambiguous associated data: the format version, the record and the field. */
const associatedData = (b: PiiBinding): Buffer => Buffer.from(JSON.stringify(['union-pii', VERSION, b.record, b.field]), 'utf8');

export const createPiiCipher = (keyBase64: string, hmacKeyBase64: string, options: PiiCipherOptions = {}): PiiCipher => {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('PII key must be 32 bytes');
  const hmacKey = Buffer.from(hmacKeyBase64, 'base64');
  const open = (iv: string, tag: string, body: string, aad: Buffer | null): string => {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  };
  return {
    encrypt(plain, binding) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(associatedData(binding));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed, binding) {
      const [version, iv, tag, body, extra] = sealed.split('.');
      const where = `${binding.record}#${binding.field}`;
      if (!iv || !tag || body === undefined || extra !== undefined) throw new PiiSealError(`malformed ciphertext at ${where}`);
      if (version !== VERSION && !(version === 'v1' && options.readUnboundV1)) {
        throw new PiiSealError(`ciphertext format ${version} is not read here (${where})`);
      }
      try {
        return open(iv, tag, body, version === VERSION ? associatedData(binding) : null);
      } catch {
        // Never the value: only where it was read from.
        throw new PiiSealError(`ciphertext does not belong to ${where} or was altered`);
      }
    },
    hash(kind, plain) {
      return createHmac('sha256', hmacKey).update(`${kind}:${plain}`).digest('base64url');
    },
  };
};
