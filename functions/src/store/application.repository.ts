import { type ApplicationStatus, DomainError, type InviteMode } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $remove } from 'dynamodb-toolbox/entity/actions/update';
import { beijingYearMonth, DESK_NOW, type DeskDeltas, deskTx, deskTxsOf, hoursBetween, reviewHoursAttr } from './desk-counters';
import { ApplicationEntity, UserApplicationEntity } from './entities/application.entity';
import { type MemberProfile, profileOf } from './membership.repository';
import { once } from './once';
import type { OrgQueue } from './subtree-page';
import type { LabeledTx } from './transactions';

const applications = once(() => ApplicationEntity().build(EntityRepository));
const userApplications = once(() => UserApplicationEntity().build(EntityRepository));

export interface ApplicationRecord extends MemberProfile {
  applicationId: string;
  userId: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  inviteId: string;
  mode: InviteMode;
  status: ApplicationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectReason: string | null;
  membershipId: string | null;
  memberNumber: string | null;
}

/** "city/district/enterprise/": the materialised path the review queue is sorted by. */
export const orgPathOf = (lineage: readonly string[]): string => `${lineage.join('/')}/`;

type ApplicationItem = NonNullable<Awaited<ReturnType<ReturnType<typeof applications>['get']>>['Item']>;
const toRecord = (i: ApplicationItem): ApplicationRecord => ({
  applicationId: i.applicationId,
  userId: i.userId,
  orgId: i.orgId,
  orgName: i.orgName,
  orgPath: i.orgPath,
  inviteId: i.inviteId,
  mode: i.mode,
  status: i.status,
  ...profileOf(i),
  submittedAt: i.submittedAt,
  decidedAt: i.decidedAt ?? null,
  decidedBy: i.decidedBy ?? null,
  rejectReason: i.rejectReason ?? null,
  membershipId: i.membershipId ?? null,
  memberNumber: i.memberNumber ?? null,
});

/** The review queue is one partition per org: an officer's queue is read by walking their subtree. */
const queuePartition = (orgId: string) => `APPQUEUE#${orgId}#pending`;

const queueKeys = (a: Pick<ApplicationRecord, 'orgId' | 'submittedAt' | 'applicationId'>) => ({
  gsi2pk: queuePartition(a.orgId),
  gsi2sk: `${a.submittedAt}#${a.applicationId}`,
});

/** Puts an application (pending ones enter the queue) — as a transaction item. */
export const applicationPutTx = (a: ApplicationRecord): LabeledTx => ({
  label: 'application',
  tx: ApplicationEntity()
    .build(PutTransaction)
    .item({
      ...a,
      decidedAt: a.decidedAt ?? undefined,
      decidedBy: a.decidedBy ?? undefined,
      rejectReason: a.rejectReason ?? undefined,
      membershipId: a.membershipId ?? undefined,
      memberNumber: a.memberNumber ?? undefined,
      gsi1pk: `USERAPPS#${a.userId}`,
      gsi1sk: `${a.submittedAt}#${a.applicationId}`,
      ...(a.status === 'pending' ? queueKeys(a) : {}),
    })
    .options({ condition: { attr: 'applicationId', exists: false } }),
});

/** Points the user at this application; refused while another of theirs is pending. */
export const userApplicationTx = (userId: string, applicationId: string, status: ApplicationStatus, expectCurrent?: string): LabeledTx => ({
  label: 'userApplication',
  tx: UserApplicationEntity()
    .build(PutTransaction)
    .item({ userId, applicationId, status })
    .options({
      condition: expectCurrent
        ? { attr: 'applicationId', eq: expectCurrent }
        : {
            or: [
              { attr: 'status', exists: false },
              { attr: 'status', ne: 'pending' },
            ],
          },
    }),
});

/** Approves a pending application inside the activation transaction. */
export const approveApplicationTx = (
  applicationId: string,
  by: string,
  now: Date,
  membershipId: string,
  memberNumber: string,
): LabeledTx => ({
  label: 'application',
  tx: ApplicationEntity()
    .build(UpdateTransaction)
    .item({
      applicationId,
      status: 'approved',
      decidedAt: now.toISOString(),
      decidedBy: by,
      membershipId,
      memberNumber,
      rejectReason: $remove(),
      gsi2pk: $remove(),
      gsi2sk: $remove(),
    })
    .options({ condition: { attr: 'status', eq: 'pending' } }),
});

export const getApplication = async (applicationId: string): Promise<ApplicationRecord | null> => {
  const { Item } = await applications().get({ applicationId }, { consistent: true });
  return Item ? toRecord(Item) : null;
};

export const requireApplication = async (applicationId: string): Promise<ApplicationRecord> => {
  const a = await getApplication(applicationId);
  if (!a) throw new DomainError('APPLICATION_NOT_FOUND', '入会申请不存在', { field: 'applicationId' });
  return a;
};

/** The user's current application (the one the status page shows), or null. */
export const getCurrentApplication = async (userId: string): Promise<ApplicationRecord | null> => {
  const { Item } = await userApplications().get({ userId }, { consistent: true });
  return Item ? getApplication(Item.applicationId) : null;
};

/** Pending applications per org, oldest first: read over an officer's subtree by pageSubtreeQueue. */
export const pendingApplicationsQueue: OrgQueue<ApplicationRecord> = {
  index: 'gsi2',
  partition: queuePartition,
  async read(orgId, exclusiveStartKey, limit) {
    const { Items = [], LastEvaluatedKey } = await applications().query(
      { index: 'gsi2', partition: queuePartition(orgId) },
      { limit, exclusiveStartKey },
    );
    return { items: Items.map(toRecord), lastKey: LastEvaluatedKey };
  },
};

/** Every application the user has made, oldest first. */
export const listUserApplications = async (userId: string): Promise<ApplicationRecord[]> => {
  const { Items = [] } = await applications().query(
    { index: 'gsi1', partition: `USERAPPS#${userId}` },
    { maxPages: Number.POSITIVE_INFINITY },
  );
  return Items.map(toRecord);
};

/** 驳回 with a reason; only a pending application. */
export const rejectApplicationTxs = (a: ApplicationRecord, by: string, reason: string, now: Date): LabeledTx[] => [
  {
    label: 'application',
    tx: ApplicationEntity()
      .build(UpdateTransaction)
      .item({
        applicationId: a.applicationId,
        status: 'rejected',
        decidedAt: now.toISOString(),
        decidedBy: by,
        rejectReason: reason,
        gsi2pk: $remove(),
        gsi2sk: $remove(),
      })
      .options({ condition: { attr: 'status', eq: 'pending' } }),
  },
  {
    label: 'userApplication',
    tx: UserApplicationEntity()
      .build(PutTransaction)
      .item({ userId: a.userId, applicationId: a.applicationId, status: 'rejected' })
      .options({ condition: { attr: 'applicationId', eq: a.applicationId } }),
  },
  ...deskTxsOf((d) => applicationDecisionDeltas(d, a, 'rejected', now)),
];

/** 重新提交: a rejected application, corrected, goes back into the queue. */
export const resubmitApplicationTxs = (a: ApplicationRecord, profile: MemberProfile, now: Date): LabeledTx[] => {
  const submittedAt = now.toISOString();
  return [
    {
      label: 'application',
      tx: ApplicationEntity()
        .build(UpdateTransaction)
        .item({
          applicationId: a.applicationId,
          ...profile,
          status: 'pending',
          submittedAt,
          decidedAt: $remove(),
          decidedBy: $remove(),
          rejectReason: $remove(),
          gsi1sk: `${submittedAt}#${a.applicationId}`,
          ...queueKeys({ ...a, submittedAt }),
        })
        .options({ condition: { attr: 'status', eq: 'rejected' } }),
    },
    userApplicationTx(a.userId, a.applicationId, 'pending', a.applicationId),
    applicationWaitingTx(a.orgId, 1),
  ];
};

/** 待办: one more (or one fewer) application waiting in the org's queue — with the put / resubmission that queues it. */
export const applicationWaitingTx = (orgId: string, delta: 1 | -1): LabeledTx => deskTx(orgId, DESK_NOW, { 'waiting:applications': delta });

/**
 * The desk counters of an officer's decision on a pending application: off the org's waiting count, and in
 * the Beijing year of the decision `review:<approved|rejected>` and the hours-to-decision histogram.
 */
export const applicationDecisionDeltas = (
  d: DeskDeltas,
  a: Pick<ApplicationRecord, 'orgId' | 'submittedAt'>,
  decision: 'approved' | 'rejected',
  now: Date,
): DeskDeltas =>
  d
    .add(a.orgId, DESK_NOW, { 'waiting:applications': -1 })
    .add(a.orgId, beijingYearMonth(now).year, { [`review:${decision}`]: 1, [reviewHoursAttr(hoursBetween(a.submittedAt, now))]: 1 });
