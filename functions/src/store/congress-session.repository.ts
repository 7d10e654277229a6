import { DomainError } from '@union/shared';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { batchGet, inBatches } from './batch-get';
import { CongressSessionEntity } from './entities/congress.entity';
import { once } from './once';
import { limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import { UnionTable } from './table';

/**
 * 职代会 sessions: N (rosterCount) and the signed-in count, which only the roster's transactions
 * move (congress-roster.repository.ts), and the roster lock the first motion to open sets
 * (congress-motion.repository.ts).
 */

const sessions = once(() => CongressSessionEntity().build(EntityRepository));

export interface CongressSessionRecord {
  sessionId: string;
  orgId: string;
  sessionName: string;
  startDate: string;
  endDate: string;
  rosterCount: number;
  signedInCount: number;
  rosterLocked: boolean;
  createdAt: string;
}

type SessionItem = NonNullable<Awaited<ReturnType<ReturnType<typeof sessions>['get']>>['Item']>;
const toSession = (i: SessionItem): CongressSessionRecord => ({
  sessionId: i.sessionId,
  orgId: i.orgId,
  sessionName: i.sessionName,
  startDate: i.startDate,
  endDate: i.endDate,
  rosterCount: i.rosterCount,
  signedInCount: i.signedInCount,
  rosterLocked: i.rosterLockedAt !== undefined,
  createdAt: i.createdAt,
});

export const createSession = async (input: Omit<CongressSessionRecord, 'rosterCount' | 'signedInCount' | 'rosterLocked'>) => {
  await sessions().put(
    {
      ...input,
      rosterCount: 0,
      signedInCount: 0,
      gsi1pk: `ORGCONGRESS#${input.orgId}`,
      gsi1sk: `${input.startDate}#${input.sessionId}`,
    },
    { condition: { attr: 'sessionId', exists: false } },
  );
  return { ...input, rosterCount: 0, signedInCount: 0, rosterLocked: false };
};

export const getSession = async (sessionId: string, consistent = false): Promise<CongressSessionRecord | null> => {
  const { Item } = await sessions().get({ sessionId }, { consistent });
  return Item ? toSession(Item) : null;
};

export const requireSession = async (sessionId: string, consistent = false): Promise<CongressSessionRecord> => {
  const s = await getSession(sessionId, consistent);
  if (!s) throw new DomainError('CONGRESS_SESSION_NOT_FOUND', '会议不存在', { field: 'sessionId' });
  return s;
};

/** A page of an org's sessions, newest first. */
export const pageOrgSessions = async (orgId: string, req: PageRequest): Promise<Page<CongressSessionRecord>> => {
  const partition = `ORGCONGRESS#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await sessions().query(
    { index: 'gsi1', partition },
    { reverse: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toSession), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** Sessions by id, in one BatchGetItem per 100 (at once); absent ones are left out. */
export const getSessions = async (sessionIds: readonly string[]): Promise<Map<string, CongressSessionRecord>> => {
  const found = await inBatches(sessionIds, async (ids) => {
    const { Responses } = await batchGet(
      UnionTable.build(BatchGetCommand).requests(
        ...ids.map((sessionId) => CongressSessionEntity().build(BatchGetRequest).key({ sessionId })),
      ),
    );
    return Responses[0].filter((i): i is SessionItem => i !== undefined);
  });
  return new Map(found.map((i) => [i.sessionId, toSession(i)]));
};
