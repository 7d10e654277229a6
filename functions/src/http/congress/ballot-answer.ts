import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The first answer to a ballot request, kept for retries with the same Idempotency-Key.
 * The record's key is an HMAC under the server secret, and the receipt inside is sealed with a
 * key derived from the client's Idempotency-Key: whoever reads the table cannot find a voter's
 * record nor open it, so it never links a voter to a receipt (and so to a choice).
 */
export const ballotRequestHash = (secret: string, userId: string, motionId: string, key: string): string =>
  createHmac('sha256', secret).update(`ballot-answer\n${userId}\n${motionId}\n${key}`).digest('base64url');

const sealKey = (userId: string, motionId: string, key: string) =>
  createHash('sha256').update(`seal\n${key}\n${userId}\n${motionId}`).digest();

export const sealAnswer = (answer: object, userId: string, motionId: string, key: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(userId, motionId, key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return [iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
};

export const openAnswer = <T>(sealed: string, userId: string, motionId: string, key: string): T => {
  const [iv, tag, body] = sealed.split('.') as [string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', sealKey(userId, motionId, key), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')) as T;
};
