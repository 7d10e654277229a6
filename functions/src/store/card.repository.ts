import { DomainError, NO_OFFICER_FACTS, type OfficerFacts } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { MemberFactsEntity } from './entities/member-facts.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';

const memberFacts = once(() => MemberFactsEntity().build(EntityRepository));

export interface OfficerFactsRecord extends OfficerFacts {
  userId: string;
  orgId: string;
  memberName: string;
  updatedAt: string;
  updatedBy: string;
  /** Edits so far; 0 when no officer ever set a fact. */
  version: number;
}

type FactsItem = NonNullable<Awaited<ReturnType<ReturnType<typeof memberFacts>['get']>>['Item']>;

const versionedFacts = (Item: FactsItem | undefined): { facts: OfficerFacts; version: number; updatedAt: string | null } =>
  Item
    ? {
        facts: { hardship: Item.hardship, modelWorker: Item.modelWorker, frontlineMedical: Item.frontlineMedical },
        version: Item.version ?? 0,
        updatedAt: Item.updatedAt,
      }
    : { facts: { ...NO_OFFICER_FACTS }, version: 0, updatedAt: null };

/** The officer-set facts a stored item holds (none set: all false), as read raw in a batch of the member's items. */
export const officerFactsOf = (item: Record<string, unknown> | undefined): OfficerFacts =>
  versionedFacts(item as FactsItem | undefined).facts;

/** The facts with the version an editor must send back (0 when none were ever set). */
export const getVersionedOfficerFacts = async (
  userId: string,
): Promise<{ facts: OfficerFacts; version: number; updatedAt: string | null }> => {
  const { Item } = await memberFacts().get({ userId }, { consistent: true });
  return versionedFacts(Item);
};

export const factsStale = (): DomainError =>
  new DomainError('FACTS_STALE', '该会员的认定信息已被其他干部修改，请刷新后重新编辑', { field: 'version' });

const membershipChanged = (): DomainError =>
  new DomainError('MEMBERSHIP_CHANGED', '该会员的会籍已发生变化，请刷新后重试', { field: 'userId' });

/**
 * 会员认定 as one write: the officer-set facts as version `expected + 1`, only while the stored
 * version is still `expected` (absent counts as 0), and `extra` (the confirmation of the member's
 * 入会 declarations, on their membership) in the same transaction. `record` null: only `extra`.
 * Refusals: FACTS_STALE, MEMBERSHIP_CHANGED (the membership ended meanwhile) — and nothing is written.
 */
export const putOfficerFacts = async (
  r: Omit<OfficerFactsRecord, 'version'> | null,
  expected: number,
  extra: LabeledTx[] = [],
): Promise<{ version: number }> => {
  const items: LabeledTx[] = [...extra];
  if (r) {
    items.unshift({
      label: 'facts',
      tx: MemberFactsEntity()
        .build(PutTransaction)
        .item({ ...r, version: expected + 1, gsi1pk: `FACTSORG#${r.orgId}`, gsi1sk: r.userId })
        .options({ condition: expected === 0 ? { attr: 'version', exists: false } : { attr: 'version', eq: expected } }),
    });
  }
  try {
    await runTransaction(async () => items);
  } catch (e) {
    if (e instanceof TransactionRefused) throw e.failed.includes('facts') ? factsStale() : membershipChanged();
    if (isConditionFailure(e)) throw factsStale();
    throw e;
  }
  return { version: r ? expected + 1 : expected };
};
