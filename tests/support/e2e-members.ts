import { makeIdNumber, PRIVACY_NOTICE_VERSION } from '@union/shared';
import { sealProfile } from '../../functions/src/http/membership/join.service';
import { getRuntime } from '../../functions/src/http/runtime';
import { activateMembership } from '../../functions/src/store/membership.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import { addGrant, getUser, putUser } from '../../functions/src/store/user.repository';
import { useE2eStore } from './e2e';

/**
 * A member of `orgId` made through the store as 入会 makes one (sealed 身份证号 and phone, a real member
 * number), signed in through the development sign-in like a demo identity. Idempotent per userId, so a
 * walk run again on a kept stack reuses them.
 */
export const ensureE2eMember = async (m: {
  userId: string;
  name: string;
  orgId: string;
  idSeq: string;
  phone: string;
  description: string;
  order: number;
}): Promise<void> => {
  useE2eStore();
  if ((await getUser(m.userId))?.grants.some((g) => g.role === 'member')) return;
  await putUser({ userId: m.userId, displayName: m.name, grants: [], demoDescription: m.description, demoOrder: m.order });
  const profile = sealProfile(await getRuntime(), m.userId, {
    name: m.name,
    idNumber: makeIdNumber('320102', '1990-04-12', m.idSeq),
    phone: m.phone,
    employer: '临江精密机械有限公司',
    employmentType: 'fullTime',
    group: 'none',
    isMigrantWorker: false,
    noticeAccepted: true,
    noticeVersion: PRIVACY_NOTICE_VERSION,
  });
  await activateMembership({
    membershipId: `m${m.userId.replace(/[^A-Za-z0-9]/g, '')}`,
    userId: m.userId,
    org: await requireOrg(m.orgId),
    profile,
    now: new Date(),
    applicationId: `seed-${m.userId}`,
    declaredFactsConfirmedBy: 'officer-enterprise',
    extra: () => [],
  });
  await addGrant(m.userId, { role: 'member', orgId: m.orgId });
};
