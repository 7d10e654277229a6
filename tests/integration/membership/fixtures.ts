import { makeIdNumber, PRIVACY_NOTICE_VERSION } from '@union/shared';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

export const area = AREAS.membership;

/** city → district → enterprise (基层) and logistics (联合), plus a second district with its own union. */
export const seedOrgs = async () => {
  await createOrg({ orgId: 'city', name: '江澄市总工会', kind: 'city', parentId: null, area: null });
  await createOrg({ orgId: 'district', name: '临江区总工会', kind: 'district', parentId: 'city', area: '临江区' });
  await createOrg({ orgId: 'enterprise', name: '临江精密机械有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
  await createOrg({ orgId: 'logistics', name: '临江区快递物流行业联合工会', kind: 'joint', parentId: 'district', area: '临江区' });
  await createOrg({ orgId: 'other', name: '东湖区总工会', kind: 'district', parentId: 'city', area: '东湖区' });
  await createOrg({ orgId: 'otherunion', name: '东湖纺织厂工会', kind: 'grassroots', parentId: 'other', area: '东湖区' });
};

/** The n-th test person: a valid 身份证号 (born 1990 + n % 20) and a distinct phone. */
export const person = (n: number) => ({
  idNumber: makeIdNumber('320102', `${1980 + (n % 25)}-0${1 + (n % 9)}-1${n % 10}`, String(100 + (n % 900)).padStart(3, '0')),
  phone: `139${String(n).padStart(8, '0')}`,
});

export const joinForm = (n: number, overrides: Record<string, unknown> = {}) => ({
  name: '王小军',
  ...person(n),
  employer: '顺达快递临江站',
  employmentType: 'platform',
  group: 'courier',
  isMigrantWorker: true,
  noticeAccepted: true,
  noticeVersion: PRIVACY_NOTICE_VERSION,
  ...overrides,
});

export const officerToken = (orgId: string, userId = `officer-${orgId}`) => userWithToken(userId, [{ role: 'officer', orgId }], '干部');

export const newUser = (userId: string) => userWithToken(userId, [], '新职工');

export const createInvite = async (
  token: string,
  orgId: string,
  opts: { mode?: 'auto' | 'review'; maxUses?: number; expiresAt?: string } = {},
): Promise<string> => {
  const res = await invoke(area, 'POST', `/orgs/${orgId}/invites`, {
    token,
    body: {
      mode: opts.mode ?? 'auto',
      maxUses: opts.maxUses ?? 1000,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.invite.inviteId;
};

export const apply = (token: string, inviteId: string, body: unknown) =>
  invoke(area, 'POST', `/invites/${inviteId}/applications`, { token, body });
