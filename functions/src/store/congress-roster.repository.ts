import { DomainError } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { memberOfOrgCheck, notMember, refusal } from './congress-conditions';
import { type CongressSessionRecord, getSessions } from './congress-session.repository';
import { CongressDelegateEntity, CongressSeatsEntity, CongressSessionEntity } from './entities/congress.entity';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';
import { grantTx, holdsGrant, revokeGrantTx } from './user.repository';

/**
 * A session's roster: the delegates (代表) with their 代表团 and 签到, each one's seat count per
 * org, and the delegate grant written and taken with them. N and the signed-in count on the
 * session move in the same transactions.
 */

const delegates = once(() => CongressDelegateEntity().build(EntityRepository));
const seats = once(() => CongressSeatsEntity().build(EntityRepository));

export interface DelegateRecord {
  sessionId: string;
  userId: string;
  displayName: string;
  memberNumber: string | null;
  delegation: string | null;
  signedInAt: string | null;
}

type DelegateItem = NonNullable<Awaited<ReturnType<ReturnType<typeof delegates>['get']>>['Item']>;
const toDelegate = (i: DelegateItem): DelegateRecord => ({
  sessionId: i.sessionId,
  userId: i.userId,
  displayName: i.displayName,
  memberNumber: i.memberNumber ?? null,
  delegation: i.delegation ?? null,
  signedInAt: i.signedInAt ?? null,
});

export const getDelegate = async (sessionId: string, userId: string): Promise<DelegateRecord | null> => {
  const { Item } = await delegates().get({ sessionId, userId });
  return Item ? toDelegate(Item) : null;
};

/** The whole roster (every page): who is on it before adding people by hand. */
export const listRoster = async (sessionId: string): Promise<DelegateRecord[]> => {
  const { Items = [] } = await delegates().query(
    { partition: `CONGRESS#${sessionId}`, range: { beginsWith: 'DELEGATE#' } },
    { ...ALL_PAGES, consistent: true },
  );
  return Items.map(toDelegate);
};

/** A page of the roster, by user id (strongly consistent: the officer sees an entry just added). */
export const pageRoster = async (sessionId: string, req: PageRequest): Promise<Page<DelegateRecord>> => {
  const partition = `CONGRESS#${sessionId}`;
  const { Items = [], LastEvaluatedKey } = await delegates().query(
    { partition, range: { beginsWith: 'DELEGATE#' } },
    { consistent: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'table', partition, 'DELEGATE#') },
  );
  return { items: Items.map(toDelegate), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

export type DelegateSession = CongressSessionRecord & { me: DelegateRecord };

const withSessions = async (entries: DelegateItem[]): Promise<DelegateSession[]> => {
  if (entries.length === 0) return [];
  const found = await getSessions(entries.map((d) => d.sessionId));
  return entries.flatMap((d) => {
    const session = found.get(d.sessionId);
    return session ? [{ ...session, me: toDelegate(d) }] : [];
  });
};

/** Every session where `userId` sits on the roster (their personal data). */
export const listSessionsOfDelegate = async (userId: string): Promise<DelegateSession[]> => {
  const { Items = [] } = await delegates().query({ index: 'gsi1', partition: `DELEGATEOF#${userId}` }, ALL_PAGES);
  return withSessions(Items);
};

/** A page of the sessions where `userId` sits on the roster (the delegate's 投票 tab). */
export const pageSessionsOfDelegate = async (userId: string, req: PageRequest): Promise<Page<DelegateSession>> => {
  const partition = `DELEGATEOF#${userId}`;
  const { Items = [], LastEvaluatedKey } = await delegates().query(
    { index: 'gsi1', partition },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: await withSessions(Items), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

export type RosterEntry = Omit<DelegateRecord, 'sessionId' | 'signedInAt'>;

/**
 * Items a new roster entry costs in its transaction: the entry, the "still an active member of
 * the org" check, the delegate grant and the seat count. 24 entries and the session's counter fit
 * in one transaction (100 items at most).
 */
const ROSTER_ENTRIES_PER_TX = 24;

const delegateGrant = (orgId: string) => ({ role: 'delegate' as const, orgId });

/**
 * Adds delegates to the roster, resumably and idempotently. Each batch is one transaction in
 * which every new entry is put with "absent", checked against the person's active membership
 * in the session's org, and written together with its delegate grant, while N advances by the
 * number of entries put (refused once a motion has opened: N is then fixed). People already on
 * the roster are skipped — their grant is added if it is missing — so the same list again
 * completes an import a failure or a racing import cut short. When another writer puts one of
 * our entries first, the batch is recomputed from the store and retried.
 */
export const addDelegates = async (
  session: Pick<CongressSessionRecord, 'sessionId' | 'orgId'>,
  entries: RosterEntry[],
): Promise<{ added: number; alreadyOnRoster: number }> => {
  const { sessionId, orgId } = session;
  const grant = delegateGrant(orgId);
  const unique = [...new Map(entries.map((e) => [e.userId, e])).values()];
  let added = 0;
  let alreadyOnRoster = 0;
  for (let start = 0; start < unique.length; start += ROSTER_ENTRIES_PER_TX) {
    const chunk = unique.slice(start, start + ROSTER_ENTRIES_PER_TX);
    let outcome = { added: 0, alreadyOnRoster: 0 };
    try {
      await runTransaction(
        async () => {
          const state = await Promise.all(
            chunk.map(async (d) => {
              const onRoster = (await delegates().get({ sessionId, userId: d.userId }, { consistent: true })).Item !== undefined;
              return { d, onRoster, needsGrant: onRoster && !(await holdsGrant(d.userId, grant)) };
            }),
          );
          const fresh = state.filter((s) => !s.onRoster).map((s) => s.d);
          const repair = state.filter((s) => s.needsGrant).map((s) => s.d);
          outcome = { added: fresh.length, alreadyOnRoster: chunk.length - fresh.length };
          return [
            ...fresh.flatMap((d): LabeledTx[] => [
              {
                label: `delegate:${d.userId}`,
                tx: CongressDelegateEntity()
                  .build(PutTransaction)
                  .item({
                    sessionId,
                    userId: d.userId,
                    displayName: d.displayName,
                    ...(d.memberNumber ? { memberNumber: d.memberNumber } : {}),
                    ...(d.delegation ? { delegation: d.delegation } : {}),
                    gsi1pk: `DELEGATEOF#${d.userId}`,
                    gsi1sk: sessionId,
                  })
                  .options({ condition: { attr: 'userId', exists: false } }),
              },
              memberOfOrgCheck(d.userId, orgId, `member:${d.userId}`),
              grantTx(d.userId, grant),
              {
                label: `seats:${d.userId}`,
                tx: CongressSeatsEntity()
                  .build(UpdateTransaction)
                  .item({ userId: d.userId, orgId, seats: $add(1) }),
              },
            ]),
            // An entry left without its grant (written before grants went in the same transaction).
            ...repair.flatMap((d): LabeledTx[] => [
              {
                label: `onRoster:${d.userId}`,
                tx: CongressDelegateEntity()
                  .build(ConditionCheck)
                  .key({ sessionId, userId: d.userId })
                  .condition({ attr: 'userId', exists: true }),
              },
              memberOfOrgCheck(d.userId, orgId, `member:${d.userId}`),
              grantTx(d.userId, grant),
            ]),
            ...(fresh.length > 0
              ? [
                  {
                    label: 'session',
                    tx: CongressSessionEntity()
                      .build(UpdateTransaction)
                      .item({ sessionId, rosterCount: $add(fresh.length) })
                      .options({
                        condition: {
                          and: [
                            { attr: 'sessionId', exists: true },
                            { attr: 'rosterLockedAt', exists: false },
                          ],
                        },
                      }),
                  },
                ]
              : []),
          ];
        },
        // Someone else put (or removed) one of these entries meanwhile: recompute the batch.
        chunk.flatMap((d) => [`delegate:${d.userId}`, `onRoster:${d.userId}`]),
      );
    } catch (e) {
      throw rosterRefusal(e, chunk, added);
    }
    added += outcome.added;
    alreadyOnRoster += outcome.alreadyOnRoster;
  }
  return { added, alreadyOnRoster };
};

/** The refusal of a roster batch, saying how much of the list is already in (the same list again resumes). */
const rosterRefusal = (e: unknown, chunk: RosterEntry[], addedBefore: number): unknown => {
  if (!(e instanceof TransactionRefused)) return e;
  const progress = addedBefore > 0 ? `（此前已加入 ${addedBefore} 名代表；处理后再次导入同一名单即可继续）` : '';
  const who = (label: string) => {
    const d = chunk.find((c) => c.userId === label.slice(label.indexOf(':') + 1));
    return d ? `${d.displayName}（${d.memberNumber ?? d.userId}）` : '';
  };
  const details = { added: addedBefore };
  for (const label of e.failed) {
    if (label === 'session')
      return new DomainError('ROSTER_LOCKED', `已有表决事项开始，代表名单不能再修改${progress}`, { field: 'sessionId', details });
    if (label.startsWith('member:'))
      return new DomainError('ROSTER_MEMBER_CHANGED', `${who(label)}已不是本工会的在册会员，不能成为代表${progress}`, {
        field: 'memberNumber',
        details,
      });
    if (label.startsWith('grant:'))
      return new DomainError('USER_NOT_FOUND', `${who(label)}的账号不存在${progress}`, { field: 'memberNumber', details });
  }
  return new DomainError('ROSTER_BUSY', `代表名单正被同时修改，请稍后再试${progress}`, { field: 'sessionId', details });
};

/**
 * Takes a delegate off the roster in one transaction: the entry (conditioned on what was read —
 * signed in or not — so the counts stay exact under a racing 签到), N and the signed-in count
 * (refused once the roster is locked), and the user's seat count for the org, with the delegate
 * grant when this was their last roster of the org.
 */
export const removeDelegate = async (session: Pick<CongressSessionRecord, 'sessionId' | 'orgId'>, userId: string): Promise<void> => {
  const { sessionId, orgId } = session;
  try {
    await runTransaction(
      async () => {
        const { Item: entry } = await delegates().get({ sessionId, userId }, { consistent: true });
        if (!entry) throw new TransactionRefused(['absent']);
        const { Item: seat } = await seats().get({ userId, orgId }, { consistent: true });
        const held = seat?.seats ?? 0;
        const signedIn = entry.signedInAt !== undefined;
        return [
          {
            label: 'delegate',
            tx: CongressDelegateEntity()
              .build(DeleteTransaction)
              .key({ sessionId, userId })
              .options({
                condition: {
                  and: [
                    { attr: 'userId', exists: true },
                    { attr: 'signedInAt', exists: signedIn },
                  ],
                },
              }),
          },
          {
            label: 'session',
            tx: CongressSessionEntity()
              .build(UpdateTransaction)
              .item({ sessionId, rosterCount: $add(-1), ...(signedIn ? { signedInCount: $add(-1) } : {}) })
              .options({
                condition: {
                  and: [
                    { attr: 'sessionId', exists: true },
                    { attr: 'rosterLockedAt', exists: false },
                  ],
                },
              }),
          },
          ...(held > 1
            ? [
                {
                  label: 'seats',
                  tx: CongressSeatsEntity()
                    .build(UpdateTransaction)
                    .item({ userId, orgId, seats: $add(-1) })
                    .options({ condition: { attr: 'seats', eq: held } }),
                },
              ]
            : [
                {
                  label: 'seats',
                  tx: CongressSeatsEntity()
                    .build(DeleteTransaction)
                    .key({ userId, orgId })
                    .options({ condition: seat ? { attr: 'seats', eq: held } : { attr: 'seats', exists: false } }),
                },
                revokeGrantTx(userId, delegateGrant(orgId), 'revoke'),
              ]),
        ];
      },
      // Signed in, added to another roster or removed meanwhile: read again.
      ['delegate', 'seats'],
    );
  } catch (e) {
    throw refusal(e, {
      absent: () => new DomainError('DELEGATE_NOT_FOUND', '该代表不在本次会议的代表名单中', { field: 'userId' }),
      session: () => new DomainError('ROSTER_LOCKED', '已有表决事项开始，代表名单不能再修改', { field: 'sessionId' }),
      revoke: () => new DomainError('USER_NOT_FOUND', '该代表的账号不存在', { field: 'userId' }),
    });
  }
};

/**
 * 签到: once per delegate, by a delegate still on the roster whose active membership is still in
 * the session's org (checked in the transaction, not from the token); the session's signed-in
 * count moves in the same transaction.
 */
export const signIn = async (
  session: Pick<CongressSessionRecord, 'sessionId' | 'orgId'>,
  userId: string,
  now: Date,
): Promise<'signed-in' | 'already'> => {
  const { sessionId } = session;
  try {
    await runTransaction(async () => [
      memberOfOrgCheck(userId, session.orgId, 'member'),
      {
        label: 'delegate',
        tx: CongressDelegateEntity()
          .build(UpdateTransaction)
          .item({ sessionId, userId, signedInAt: now.toISOString() })
          .options({
            condition: {
              and: [
                { attr: 'userId', exists: true },
                { attr: 'signedInAt', exists: false },
              ],
            },
          }),
      },
      {
        label: 'session',
        tx: CongressSessionEntity()
          .build(UpdateTransaction)
          .item({ sessionId, signedInCount: $add(1) }),
      },
    ]);
    return 'signed-in';
  } catch (e) {
    if (!(e instanceof TransactionRefused)) throw e;
    if (e.failed.includes('member')) throw notMember('签到');
    const d = await getDelegate(sessionId, userId);
    if (!d) throw new DomainError('NOT_A_DELEGATE', '您不是本次会议的代表', { field: 'sessionId' });
    return 'already';
  }
};
