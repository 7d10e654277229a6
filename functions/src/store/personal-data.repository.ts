import { ANONYMISED_NAME } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { $remove } from 'dynamodb-toolbox/entity/actions/update';
import { type ApplicationRecord, listUserApplications } from './application.repository';
import { type ClaimRecord, listClaimsOfUser } from './claim.repository';
import { type CongressActivity, readCongressActivity } from './congress-activity';
import { type DelegateRecord, listSessionsOfDelegate } from './congress-roster.repository';
import { ApplicationEntity, UserApplicationEntity } from './entities/application.entity';
import { ClaimEntity } from './entities/claim.entity';
import {
  CongressCosignEntity,
  CongressDelegateEntity,
  CongressProposalEntity,
  CongressProposalEventEntity,
} from './entities/congress.entity';
import { MemberFactsEntity } from './entities/member-facts.entity';
import { MembershipEntity, PersonalDataRetentionEntity } from './entities/membership.entity';
import { TransferEntity } from './entities/transfer.entity';
import { UserEntity } from './entities/user.entity';
import { isConditionFailure } from './errors';
import { deleteNotificationsUpTo, listAllNotifications, type NotificationRecord } from './inbox.repository';
import { getActiveMembershipRecord, listMembershipHistory, listRetentions, type MembershipRecord } from './membership.repository';
import { listMemberUses, type UseRecord } from './merchant.repository';
import { once } from './once';
import { anonymiseSuggestionAuthor, listSuggestionsOf, type SuggestionRecord } from './project-call.repository';
import { listMemberServices, type MemberServiceRecord } from './project-survey.repository';
import { allVotedIn } from './project-vote.repository';
import { listUserTransfers, type TransferRecord } from './transfer.repository';
import { getUser, openIdOf, type UserRecord } from './user.repository';

/**
 * Everything stored about one person (PIPL 查阅权) and its deletion after 退会. Ballots are not here:
 * they carry no voter id (CongressBallotEntity), so nothing links them to anyone.
 */
const ALL = { maxPages: Number.POSITIVE_INFINITY } as const;
const memberships = once(() => MembershipEntity().build(EntityRepository));
const applications = once(() => ApplicationEntity().build(EntityRepository));
const userApplications = once(() => UserApplicationEntity().build(EntityRepository));
const transfers = once(() => TransferEntity().build(EntityRepository));
const claims = once(() => ClaimEntity().build(EntityRepository));
const facts = once(() => MemberFactsEntity().build(EntityRepository));
const delegates = once(() => CongressDelegateEntity().build(EntityRepository));
const proposals = once(() => CongressProposalEntity().build(EntityRepository));
const cosigns = once(() => CongressCosignEntity().build(EntityRepository));
const events = once(() => CongressProposalEventEntity().build(EntityRepository));
const retentions = once(() => PersonalDataRetentionEntity().build(EntityRepository));
const users = once(() => UserEntity().build(EntityRepository));

export interface CongressFootprint extends CongressActivity {
  delegateOf: Array<DelegateRecord & { sessionName: string }>;
}

export interface PersonalDataRecords {
  user: UserRecord | null;
  /** The account's WeChat openid (`USER#id / WXOPENID`), where 订阅消息 are addressed; null without one. */
  wechatOpenId: string | null;
  memberships: MembershipRecord[];
  applications: ApplicationRecord[];
  transfers: TransferRecord[];
  claims: ClaimRecord[];
  /** 商惠 uses recorded at merchants (no name on them: the purge has nothing to replace). */
  merchantUses: UseRecord[];
  /** 实事 suggestions the person wrote (their name is on each). */
  projectSuggestions: SuggestionRecord[];
  /** 实事 member votes the person voted in (that they voted, never how). */
  projectVotedIn: string[];
  /** 实事 services an officer marked them served by, and the ones they rated (the day only: ratings name nobody). */
  projectServices: MemberServiceRecord[];
  /** 消息: the notifications the person was sent (the inbox; what they say and whether they were read). */
  notifications: NotificationRecord[];
  officerFacts: { orgId: string; hardship: boolean; modelWorker: boolean; frontlineMedical: boolean; updatedAt: string } | null;
  congress: CongressFootprint;
  retention: Array<{ membershipId: string; leftAt: string; purgeAfter: string }>;
}

/** The person's rosters beside their proposals, co-signatures and "has voted" markers (congress-activity.ts). */
const congressFootprint = async (userId: string): Promise<CongressFootprint> => {
  const [sessions, activity] = await Promise.all([listSessionsOfDelegate(userId), readCongressActivity(userId)]);
  return { delegateOf: sessions.map((s) => ({ ...s.me, sessionName: s.sessionName })), ...activity };
};

/** Everything stored about `userId`, as records (still sealed: the caller's view opens them). */
export const collectPersonalData = async (userId: string, now = new Date()): Promise<PersonalDataRecords> => {
  const [user, openId, ms, apps, ts, cs, f, congress, retention, uses, suggested, projectVoted, services, notes] = await Promise.all([
    getUser(userId),
    openIdOf(userId),
    listMembershipHistory(userId),
    listUserApplications(userId),
    listUserTransfers(userId),
    listClaimsOfUser(userId),
    facts()
      .get({ userId }, { consistent: true })
      .then((r) => r.Item),
    congressFootprint(userId),
    listRetentions(userId),
    listMemberUses(userId),
    listSuggestionsOf(userId),
    allVotedIn(userId),
    listMemberServices(userId),
    listAllNotifications(userId, now),
  ]);
  return {
    user,
    wechatOpenId: openId,
    memberships: ms,
    applications: apps,
    transfers: ts,
    claims: cs,
    merchantUses: uses,
    projectSuggestions: suggested,
    projectVotedIn: [...projectVoted].sort(),
    projectServices: services,
    notifications: notes,
    officerFacts: f
      ? { orgId: f.orgId, hardship: f.hardship, modelWorker: f.modelWorker, frontlineMedical: f.frontlineMedical, updatedAt: f.updatedAt }
      : null,
    congress,
    retention,
  };
};

export interface DueRetention {
  userId: string;
  membershipId: string;
  leftAt: string;
  purgeAfter: string;
}

/** 退会 records whose retention period ended before `now`, oldest first. */
export const listDueRetentions = async (now: Date): Promise<DueRetention[]> => {
  const { Items = [] } = await retentions().query({ index: 'gsi1', partition: 'RETENTIONDUE', range: { lte: now.toISOString() } }, ALL);
  return Items.map((i) => ({ userId: i.userId, membershipId: i.membershipId, leftAt: i.leftAt, purgeAfter: i.purgeAfter }));
};

/** Runs a write that may find its item gone or changed meanwhile (a rerun, a rejoin): that is fine. */
const tolerate = async (write: Promise<unknown>): Promise<void> => {
  try {
    await write;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
};

/**
 * Deletes or anonymises what the person left behind up to `leftAt`:
 * - memberships (not active): 身份证号 and phone (sealed and hashed), birth date and employer removed,
 *   the name replaced; org, member number, dates, group and gender stay for the union's statistics;
 * - applications decided by then: deleted (and the account's pointer to them);
 * - notifications (消息) written by then: deleted, unread ones with the unread count;
 * - names copied onto transfers and claims: replaced (claims stay: they count against quotas);
 * - unless the account is a member again: officer-set facts deleted, the name on congress rosters,
 *   proposals, co-signatures and timelines and on 实事 suggestions replaced, the account's display name replaced.
 * Ballots are untouched: they never named anyone. Idempotent; the retention item goes last.
 */
export const purgePersonalData = async (r: DueRetention, now: Date): Promise<void> => {
  const { userId, leftAt } = r;
  const anonymisedAt = now.toISOString();
  const data = await collectPersonalData(userId, now);
  const names = new Set<string>([...data.memberships.map((m) => m.name), ...data.applications.map((a) => a.name)]);

  for (const m of data.memberships.filter((x) => x.status !== 'active' && x.joinedAt <= leftAt && !x.anonymisedAt)) {
    await tolerate(
      memberships().update(
        {
          membershipId: m.membershipId,
          name: ANONYMISED_NAME,
          idEnc: $remove(),
          phoneEnc: $remove(),
          idHash: $remove(),
          phoneHash: $remove(),
          birthDate: $remove(),
          employer: $remove(),
          anonymisedAt,
        },
        { condition: { attr: 'status', ne: 'active' } },
      ),
    );
  }
  for (const a of data.applications.filter((x) => x.status !== 'pending' && x.submittedAt <= leftAt)) {
    await tolerate(applications().delete({ applicationId: a.applicationId }, { condition: { attr: 'status', ne: 'pending' } }));
    await tolerate(userApplications().delete({ userId }, { condition: { attr: 'applicationId', eq: a.applicationId } }));
  }
  await deleteNotificationsUpTo(userId, leftAt, now);
  for (const t of data.transfers.filter((x) => x.requestedAt <= leftAt)) {
    await tolerate(
      transfers().update({ transferId: t.transferId, name: ANONYMISED_NAME }, { condition: { attr: 'transferId', exists: true } }),
    );
  }
  for (const c of data.claims.filter((x) => x.createdAt <= leftAt)) {
    await tolerate(claims().update({ claimId: c.claimId, memberName: ANONYMISED_NAME }, { condition: { attr: 'claimId', exists: true } }));
  }

  if (!(await getActiveMembershipRecord(userId))) {
    if (data.officerFacts) await facts().delete({ userId });
    const { congress } = data;
    for (const d of congress.delegateOf) names.add(d.displayName);
    for (const p of congress.proposals) names.add(p.proposerName);
    for (const c of congress.cosigned) names.add(c.displayName);
    for (const d of congress.delegateOf) {
      await tolerate(
        delegates().update(
          { sessionId: d.sessionId, userId, displayName: ANONYMISED_NAME },
          { condition: { attr: 'userId', exists: true } },
        ),
      );
    }
    for (const p of congress.proposals) {
      await tolerate(
        proposals().update(
          { proposalId: p.proposalId, proposerName: ANONYMISED_NAME },
          { condition: { attr: 'proposalId', exists: true } },
        ),
      );
    }
    for (const c of congress.cosigned) {
      await tolerate(
        cosigns().update(
          { proposalId: c.proposalId, userId, displayName: ANONYMISED_NAME },
          { condition: { attr: 'userId', exists: true } },
        ),
      );
    }
    // Timeline steps this person took (submitted, co-signed, rated) name them too.
    for (const proposalId of new Set([...congress.proposals.map((p) => p.proposalId), ...congress.cosigned.map((c) => c.proposalId)])) {
      const { Items = [] } = await events().query({ partition: `PROPOSAL#${proposalId}`, range: { beginsWith: 'EVENT#' } }, ALL);
      for (const e of Items.filter((x) => names.has(x.actorName))) {
        await events().update({ proposalId, eventKey: e.eventKey, actorName: ANONYMISED_NAME });
      }
    }
    // 实事 suggestions keep their content and support; the author's name goes.
    for (const sg of data.projectSuggestions) {
      await tolerate(anonymiseSuggestionAuthor(sg.callId, sg.suggestionId, ANONYMISED_NAME));
    }
    if (data.user)
      await tolerate(users().update({ userId, displayName: ANONYMISED_NAME }, { condition: { attr: 'userId', exists: true } }));
  }
  await retentions().delete({ userId, membershipId: r.membershipId });
};

/** The purge run: every due 退会 record. Returns how many were purged. */
export const purgeDuePersonalData = async (now: Date): Promise<number> => {
  const due = await listDueRetentions(now);
  for (const r of due) await purgePersonalData(r, now);
  return due.length;
};
