import type { ApplicationStatus, Org } from '@union/shared';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { batchGet } from './batch-get';
import { UserApplicationEntity } from './entities/application.entity';
import { InviteEntity } from './entities/invite.entity';
import {
  ActivePersonEntity,
  MemberPhoneEntity,
  MemberSequenceEntity,
  MembershipEntity,
  UserMembershipEntity,
} from './entities/membership.entity';
import { OrgEntity } from './entities/org.entity';
import { type InviteRecord, toInvite } from './invite.repository';
import { once } from './once';
import { lineageOfItem } from './org.repository';
import { UnionTable } from './table';

/**
 * What a join decides on, read in as few round trips as the keys allow: the items that stand in the
 * way of a membership (person, account, phone), the account's current application and the invite
 * (one BatchGetItem: their keys are in the request), then the org's lineage and member-number
 * sequence (one BatchGetItem: their key is in the invite). Every read here is a courtesy for a better
 * answer: the activation transaction enforces each of them by its conditions.
 */

/**
 * Why a person cannot join now. The store says what is in the way; the service decides how much
 * the caller may be told (the holding union only to its proved owner).
 * - account: this account already holds a membership (its own, so it may be named)
 * - person: the 身份证号 is active in another membership (with that membership's phone HMAC, for proofs)
 * - phone: the phone is held by another person
 */
export type JoinObstacle =
  | { kind: 'account'; orgId: string; orgName: string }
  | { kind: 'person'; userId: string; orgId: string; orgName: string; phoneHash: string | null }
  | { kind: 'phone' };

/** Thrown where a join is blocked by another membership (early check or the activation transaction). */
export class JoinBlocked extends Error {
  constructor(readonly obstacle: JoinObstacle) {
    super(`join blocked: ${obstacle.kind}`);
    this.name = 'JoinBlocked';
  }
}

/** The three uniqueness items a join must find free (or the phone already this person's). */
export interface ObstacleItems {
  person: FormattedItem<ReturnType<typeof ActivePersonEntity>> | undefined;
  account: FormattedItem<ReturnType<typeof UserMembershipEntity>> | undefined;
  phone: FormattedItem<ReturnType<typeof MemberPhoneEntity>> | undefined;
}

const memberships = once(() => MembershipEntity().build(EntityRepository));
const holderOf = async (membershipId: string) => (await memberships().get({ membershipId }, { consistent: true })).Item;

/**
 * What is in the way, from the uniqueness items read: the account's own membership first, then the
 * person active elsewhere, then the phone held by another. Only a blocked join reads on (the
 * holding membership, for its union's name or its phone HMAC).
 */
export const obstacleFrom = async ({ person, account, phone }: ObstacleItems, idHash: string): Promise<JoinObstacle | null> => {
  if (account) {
    const m = await holderOf(account.membershipId);
    return { kind: 'account', orgId: account.orgId, orgName: m?.orgName ?? account.orgId };
  }
  if (person) {
    const holder = await holderOf(person.membershipId);
    return {
      kind: 'person',
      userId: person.userId,
      orgId: person.orgId,
      orgName: person.orgName,
      phoneHash: holder?.phoneHash ?? null,
    };
  }
  if (phone && phone.idHash !== idHash) return { kind: 'phone' };
  return null;
};

const obstacleRequests = (userId: string, idHash: string, phoneHash: string) =>
  [
    ActivePersonEntity().build(BatchGetRequest).key({ idHash }),
    UserMembershipEntity().build(BatchGetRequest).key({ userId }),
    MemberPhoneEntity().build(BatchGetRequest).key({ phoneHash }),
  ] as const;

/** Early look before anything is written (one BatchGetItem, strongly consistent; the activation transaction still enforces it). */
export const findJoinObstacle = async (userId: string, idHash: string, phoneHash: string): Promise<JoinObstacle | null> => {
  const {
    Responses: [[person, account, phone]],
  } = await batchGet(
    UnionTable.build(BatchGetCommand)
      .requests(...obstacleRequests(userId, idHash, phoneHash))
      .options({ consistent: true }),
  );
  return obstacleFrom({ person, account, phone }, idHash);
};

/** Throws JoinBlocked when something is in the way. */
export const assertMayJoin = async (userId: string, idHash: string, phoneHash: string): Promise<void> => {
  const obstacle = await findJoinObstacle(userId, idHash, phoneHash);
  if (obstacle) throw new JoinBlocked(obstacle);
};

export interface JoinBasis {
  /** null: no such invite (a forged or mistyped code). */
  invite: InviteRecord | null;
  /** The status of the account's current application (its USER#id / APPLICATION pointer), or null. */
  currentApplication: ApplicationStatus | null;
  obstacles: ObstacleItems;
}

/**
 * Everything an application through `inviteId` decides on whose key the request already holds, in
 * one BatchGetItem (strongly consistent): the invite, the account's current application, and the
 * uniqueness items of the account, the 身份证号 and the phone (by their HMACs).
 */
export const readJoinBasis = async (args: { inviteId: string; userId: string; idHash: string; phoneHash: string }): Promise<JoinBasis> => {
  const { inviteId, userId, idHash, phoneHash } = args;
  const {
    Responses: [[invite, current, person, account, phone]],
  } = await batchGet(
    UnionTable.build(BatchGetCommand)
      .requests(
        InviteEntity().build(BatchGetRequest).key({ inviteId }),
        UserApplicationEntity().build(BatchGetRequest).key({ userId }),
        ...obstacleRequests(userId, idHash, phoneHash),
      )
      .options({ consistent: true }),
  );
  return {
    invite: invite ? toInvite(invite) : null,
    currentApplication: current?.status ?? null,
    obstacles: { person, account, phone },
  };
};

/** What an activation in an org starts from: the org's lineage (root first, the org last) and its member-number sequence. */
export interface ActivationBasis {
  lineage: Org[];
  /** The last member number given (0 before the first). */
  seq: number;
}

/**
 * The org item (with its ancestors) and its member-number sequence, in one BatchGetItem (strongly
 * consistent, as the sequence's condition is checked against it). ORG_NOT_FOUND when there is no such org.
 */
export const readActivationBasis = async (orgId: string): Promise<ActivationBasis> => {
  const {
    Responses: [[org, sequence]],
  } = await batchGet(
    UnionTable.build(BatchGetCommand)
      .requests(OrgEntity().build(BatchGetRequest).key({ orgId }), MemberSequenceEntity().build(BatchGetRequest).key({ orgId }))
      .options({ consistent: true }),
  );
  return { lineage: await lineageOfItem(org), seq: sequence?.seq ?? 0 };
};
