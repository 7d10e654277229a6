import { type EmploymentType, joinUrl, type MemberGroup, makeIdNumber, PRIVACY_NOTICE_VERSION } from '@union/shared';
import { sealProfile } from '../../functions/src/http/membership/join.service';
import { getRuntime } from '../../functions/src/http/runtime';
import { createInvite } from '../../functions/src/store/invite.repository';
import { activateMembership } from '../../functions/src/store/membership.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import { addGrant } from '../../functions/src/store/user.repository';
import { DELEGATE_COUNT } from './demo-data';
import type { SeedStep } from './index';

/** Fixed demo invite ids (local demo only; real invites get 16 random characters). */
export const DEMO_INVITES = {
  logisticsAuto: { inviteId: 'joinlogistics001', orgId: 'logistics', mode: 'auto' as const },
  enterpriseReview: { inviteId: 'joinenterprise01', orgId: 'enterprise', mode: 'review' as const },
};

interface DemoMember {
  userId: string;
  orgId: string;
  name: string;
  idNumber: string;
  phone: string;
  employer: string;
  employmentType: EmploymentType;
  group: MemberGroup;
  isMigrantWorker: boolean;
}

/** Demo people: valid (made-up) ID numbers and phones in the 170 range, never real ones. */
export const DEMO_MEMBERS: DemoMember[] = [
  {
    userId: 'member-courier',
    orgId: 'logistics',
    name: '王小军',
    idNumber: makeIdNumber('320102', '1992-04-18', '031'),
    phone: '17000000001',
    employer: '顺达快递临江营业部',
    employmentType: 'platform',
    group: 'courier',
    isMigrantWorker: false,
  },
  {
    userId: 'member-migrant',
    orgId: 'enterprise',
    name: '张德福',
    idNumber: makeIdNumber('412722', '1983-11-02', '055'),
    phone: '17000000002',
    employer: '临江精密机械有限公司',
    employmentType: 'fullTime',
    group: 'none',
    isMigrantWorker: true,
  },
  ...Array.from({ length: DELEGATE_COUNT }, (_, i) => ({
    userId: `delegate-${String(i + 1).padStart(2, '0')}`,
    orgId: 'enterprise',
    name: `代表${String(i + 1).padStart(2, '0')}`,
    idNumber: makeIdNumber('320104', `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, String(200 + i)),
    phone: `1700000${String(100 + i).padStart(4, '0')}`,
    employer: '临江精密机械有限公司',
    employmentType: 'fullTime' as const,
    group: 'none' as const,
    isMigrantWorker: i % 5 === 0,
  })),
];

export const membershipStep: SeedStep = {
  name: '入会邀请与会籍',
  async run() {
    const runtime = await getRuntime();
    const now = new Date();
    for (const invite of Object.values(DEMO_INVITES)) {
      const org = await requireOrg(invite.orgId);
      await createInvite({
        ...invite,
        orgName: org.name,
        expiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
        maxUses: 10_000,
        createdBy: 'officer-district',
        createdAt: now.toISOString(),
      });
    }
    for (const [i, m] of DEMO_MEMBERS.entries()) {
      const org = await requireOrg(m.orgId);
      const profile = sealProfile(runtime, m.userId, { ...m, noticeAccepted: true, noticeVersion: PRIVACY_NOTICE_VERSION });
      await activateMembership({
        membershipId: `mseed${String(i).padStart(3, '0')}`,
        userId: m.userId,
        org,
        profile,
        now,
        applicationId: `seed-${m.userId}`,
        // The demo members joined by review: an officer of their union (or over it) confirmed what
        // they declared (八大群体, 农民工), so 免申即享 rests on it. Joining through the auto invite does not.
        declaredFactsConfirmedBy: m.orgId === 'enterprise' ? 'officer-enterprise' : 'officer-district',
        extra: () => [],
      });
      await addGrant(m.userId, { role: 'member', orgId: m.orgId });
    }
  },
};

export const demoJoinLinks = (appUrl: string) => ({
  auto: joinUrl(appUrl, DEMO_INVITES.logisticsAuto.inviteId),
  review: joinUrl(appUrl, DEMO_INVITES.enterpriseReview.inviteId),
});
