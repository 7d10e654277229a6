import { alreadyMemberError, type DomainError, joinRefusedError, phoneInUseError } from '@union/shared';
import { phoneNumberFromCode } from '../../platform/wechat';
import type { JoinObstacle } from '../../store/join-basis';
import { memberPii } from '../../store/membership.repository';
import type { Runtime } from '../runtime';

/**
 * What a refused applicant may be told. The holding union is named only to its proved owner:
 * - the caller's own account holds the membership, or the membership was opened by this account;
 * - the caller sent a getPhoneNumber code (weapp) whose phone, exchanged through WeChat, has the
 *   HMAC stored on the holding membership.
 * A phone held by another person is confirmed only to whoever proved that phone is theirs.
 * Everyone else gets one neutral refusal (JOIN_REFUSED). WeChat is asked only when a refusal is
 * due and a code was sent: a code is good once and each exchange is billed.
 */
export const refusalFor = async (
  obstacle: JoinObstacle,
  caller: { userId: string; phoneCode: string | undefined; submittedPhoneHash: string },
  runtime: Runtime,
): Promise<DomainError> => {
  if (obstacle.kind === 'account') return alreadyMemberError(obstacle.orgId, obstacle.orgName);
  if (obstacle.kind === 'person' && obstacle.userId === caller.userId) return alreadyMemberError(obstacle.orgId, obstacle.orgName);
  if (caller.phoneCode) {
    const verified = memberPii.phoneHash(runtime.pii, await phoneNumberFromCode(runtime.config.wechat, caller.phoneCode));
    if (obstacle.kind === 'person' && obstacle.phoneHash !== null && obstacle.phoneHash === verified) {
      return alreadyMemberError(obstacle.orgId, obstacle.orgName);
    }
    if (obstacle.kind === 'phone' && verified === caller.submittedPhoneHash) return phoneInUseError();
  }
  return joinRefusedError();
};
