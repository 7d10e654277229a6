import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@union/shared';
import { randomId } from '../platform/ids';
import { isConditionFailure } from './errors';
import { getDocumentClient, tableName } from './table';

/**
 * The WeChat access token, shared by every `notify` function through the table (docs/ARCHITECTURE.md,
 * Notifications). Items (no entity schema: read and written raw, by key):
 * - `WECHATTOKEN#<appId> / CURRENT` — `accessToken`, `expiresAt` (epoch ms, renewed five minutes
 *   early), `ttl`.
 * - `WECHATTOKEN#<appId> / LEASE` — `holder`, `until` (epoch ms): who is fetching a new token. Put
 *   with "absent or expired", so of 20 functions that find no valid token one calls stable_token
 *   and the others wait briefly and read the token it stored. A holder that dies leaves a lease
 *   that ends by itself.
 * A process also keeps the token it read in memory until five minutes before it ends.
 */

export interface TokenSource {
  /** stable_token: a new token when `forceRefresh`, else the current one. */
  fetch(forceRefresh: boolean): Promise<{ accessToken: string; expiresIn: number }>;
}

export interface TokenOptions {
  /** A token WeChat refused (40001 / 42001): a token other than this one, force-refreshed if need be. */
  refused?: string;
  now?: () => number;
  /** How long a caller waits for another's refresh before giving up (WECHAT_UNAVAILABLE). */
  waitMs?: number;
}

const LEASE_MS = 10_000;
const EARLY_MS = 5 * 60_000;
const keyOf = (appId: string, sk: 'CURRENT' | 'LEASE') => ({ pk: `WECHATTOKEN#${appId}`, sk });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const memory = new Map<string, { accessToken: string; expiresAt: number }>();

/** Forgets the tokens this process holds (tests: a cold start). */
export const forgetTokensInMemory = (): void => memory.clear();

const memoryKey = (appId: string) => `${tableName()}|${appId}`;

const readStored = async (appId: string): Promise<{ accessToken: string; expiresAt: number } | null> => {
  const { Item } = await getDocumentClient().send(
    new GetCommand({ TableName: tableName(), Key: keyOf(appId, 'CURRENT'), ConsistentRead: true }),
  );
  return Item && typeof Item.accessToken === 'string' && typeof Item.expiresAt === 'number'
    ? { accessToken: Item.accessToken, expiresAt: Item.expiresAt }
    : null;
};

const takeLease = async (appId: string, holder: string, now: number): Promise<boolean> => {
  try {
    await getDocumentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keyOf(appId, 'LEASE'), _et: 'WechatTokenLease', holder, until: now + LEASE_MS, ttl: Math.floor(now / 1000) + 3600 },
        ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':now': now },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
};

const releaseLease = async (appId: string, holder: string): Promise<void> => {
  try {
    await getDocumentClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keyOf(appId, 'LEASE'),
        ConditionExpression: 'holder = :me',
        ExpressionAttributeValues: { ':me': holder },
      }),
    );
  } catch (e) {
    // Our lease ran out and another caller holds it now: theirs to release.
    if (!isConditionFailure(e)) throw e;
  }
};

/**
 * A valid access token: from memory, else from the table, else fetched by the one caller that
 * holds the lease. With `refused`, never that token: the first caller to take the lease
 * force-refreshes it; the others read the new one.
 */
export const accessToken = async (appId: string, source: TokenSource, options: TokenOptions = {}): Promise<string> => {
  const now = options.now ?? Date.now;
  const usable = (t: { accessToken: string; expiresAt: number } | null) =>
    t !== null && t.expiresAt > now() && t.accessToken !== options.refused ? t.accessToken : null;
  const mkey = memoryKey(appId);
  const held = usable(memory.get(mkey) ?? null);
  if (held) return held;
  if (options.refused !== undefined && memory.get(mkey)?.accessToken === options.refused) memory.delete(mkey);

  const deadline = now() + (options.waitMs ?? 8000);
  const holder = randomId(12);
  for (let wait = 20; ; wait = Math.min(wait * 2, 400)) {
    const stored = await readStored(appId);
    const found = usable(stored);
    if (found) {
      memory.set(mkey, stored as { accessToken: string; expiresAt: number });
      return found;
    }
    if (await takeLease(appId, holder, now())) {
      try {
        // Another caller may have stored a token between our read and our lease.
        const again = await readStored(appId);
        const fresh = usable(again);
        if (fresh) {
          memory.set(mkey, again as { accessToken: string; expiresAt: number });
          return fresh;
        }
        // Force only when the token WeChat refused is still the one stored (or in hand): an expired
        // or absent token is replaced by stable_token's normal mode.
        const force = options.refused !== undefined && (again === null || again.accessToken === options.refused);
        const got = await source.fetch(force);
        const token = { accessToken: got.accessToken, expiresAt: now() + Math.max(60_000, got.expiresIn * 1000 - EARLY_MS) };
        await getDocumentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keyOf(appId, 'CURRENT'), _et: 'WechatToken', ...token, ttl: Math.ceil(token.expiresAt / 1000) + 3600 },
          }),
        );
        memory.set(mkey, token);
        return token.accessToken;
      } finally {
        await releaseLease(appId, holder);
      }
    }
    if (now() > deadline)
      throw new DomainError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试', { details: { reason: 'token lease' } });
    await sleep(wait / 2 + Math.random() * wait);
  }
};
