import { APPLICATION_STATUSES, INVITE_MODES } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';
import { memberProfileAttributes } from './member-profile.attributes';

/**
 * 入会申请. 身份证号 and phone are stored only encrypted (…Enc) and as keyed hashes (…Hash).
 * Access patterns:
 * - get by id — pk APPLICATION#id, sk META
 * - an applicant's applications, newest first — gsi1: USERAPPS#userId / submittedAt#id
 * - an org's review queue, oldest first — gsi2: APPQUEUE#<orgId>#pending / <submittedAt>#id; removed
 *   once decided. An officer's queue is the union over the orgs of their subtree, read by walking it
 *   (functions/src/store/subtree-page.ts): one partition per org, so no partition holds the whole city.
 */
export const ApplicationEntity = once(
  () =>
    new Entity({
      name: 'Application',
      table: UnionTable,
      schema: item({
        applicationId: string().key(),
        userId: string(),
        orgId: string(),
        orgName: string(),
        orgPath: string(),
        inviteId: string(),
        mode: string().enum(...INVITE_MODES),
        status: string().enum(...APPLICATION_STATUSES),
        ...memberProfileAttributes(),
        submittedAt: string(),
        decidedAt: string().optional(),
        decidedBy: string().optional(),
        rejectReason: string().optional(),
        membershipId: string().optional(),
        memberNumber: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ applicationId }) => ({ pk: `APPLICATION#${applicationId}`, sk: 'META' }),
    }),
);

/**
 * A user's current application (what "my application status" reads), and the lock that allows
 * one pending application per user: put with condition "absent or not pending".
 * Access pattern: get — pk USER#userId, sk APPLICATION.
 */
export const UserApplicationEntity = once(
  () =>
    new Entity({
      name: 'UserApplication',
      table: UnionTable,
      schema: item({
        userId: string().key(),
        applicationId: string(),
        status: string().enum(...APPLICATION_STATUSES),
      }),
      computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'APPLICATION' }),
    }),
);
