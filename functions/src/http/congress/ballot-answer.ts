import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The first answer to a ballot request, kept for retries with the same Idempotency-Key.
 * The record's key is an HMAC under the server secret, and the receipt inside is sealed with a
 * key that is also an HMAC under the server secret (of the Idempotency-Key, the voter and the
 * motion): whoever reads the table cannot find a voter's record, and neither the table nor the
 * client's key alone opens it, so it never links a voter to a receipt (and so to a choice).
 */
export const ballotRequestHash = (secret: string, userId: string, motionId: string, key: string): string =>
  createHmac('sha256', secret).update(`ballot-answer\n${userId}\n${motionId}\n${key}`).digest('base64url');

const sealKey = (secret: string, userId: string, motionId: string, key: string) =>
  createHmac('sha256', secret).update(`ballot-seal\n${key}\n${userId}\n${motionId}`).digest();

/** How long the first answer is kept for retries (the record's TTL). */
export const BALLOT_ANSWER_TTL_SECONDS = 24 * 60 * 60;

/**
 * The record's expiry (epoch seconds): a day on, rounded up to the whole hour so that the one
 * time on the ballot path does not say when the vote was cast.
 */
export const ballotAnswerExpiry = (now: Date): number => Math.ceil((now.getTime() / 1000 + BALLOT_ANSWER_TTL_SECONDS) / 3600) * 3600;

export const sealAnswer = (answer: object, secret: string, userId: string, motionId: string, key: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret, userId, motionId, key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return [iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
};

export const openAnswer = <T>(sealed: string, secret: string, userId: string, motionId: string, key: string): T => {
  const [iv, tag, body] = sealed.split('.') as [string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', sealKey(secret, userId, motionId, key), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')) as T;
};
