import { beforeAll, describe, expect, it } from 'vitest';
import { getActiveMembershipRecord } from '../../../functions/src/store/membership.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, officerToken, seedOrgs } from './fixtures';

/**
 * 职责分离: an officer does not decide their own case — neither their own 入会 application nor
 * their own 会籍转移 — however far up their power reaches. Another officer still can.
 */
let districtOfficer: string;
let enterpriseOfficer: string;
let reviewInvite: string;
let logisticsReviewInvite: string;

beforeAll(async () => {
  await seedOrgs();
  districtOfficer = await officerToken('district');
  enterpriseOfficer = await officerToken('enterprise');
  reviewInvite = await createInvite(districtOfficer, 'enterprise', { mode: 'review' });
  logisticsReviewInvite = await createInvite(districtOfficer, 'logistics', { mode: 'review' });
});

/** 周敏 is an officer of the district and, as a worker, applies to a union within it. */
const officerApplicant = (userId: string) => userWithToken(userId, [{ role: 'officer', orgId: 'district' }], '周敏');

const applicationOf = async (token: string, inviteId: string, n: number): Promise<string> => {
  const res = await apply(token, inviteId, joinForm(n, { name: '周敏' }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.application.status).toBe('pending');
  return res.body.application.applicationId;
};

describe('an officer does not decide their own 入会 application', () => {
  it('refuses approving one’s own application (403), writes nothing, and another officer approves it', async () => {
    const own = await officerApplicant('officer-applicant-1');
    const applicationId = await applicationOf(own, reviewInvite, 501);

    const res = await invoke(area, 'POST', `/applications/${applicationId}/approve`, { token: own });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('APPLICATION_SELF_FORBIDDEN');
    expect(res.body.error.message).toContain('本人');
    expect(await getActiveMembershipRecord('officer-applicant-1')).toBeNull();
    const still = await invoke(area, 'GET', '/me/application', { token: own });
    expect(still.body.application.status).toBe('pending');

    const other = await invoke(area, 'POST', `/applications/${applicationId}/approve`, { token: enterpriseOfficer });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.application.status).toBe('approved');
  });

  it('refuses rejecting one’s own application (403), and another officer rejects it', async () => {
    const own = await officerApplicant('officer-applicant-2');
    const applicationId = await applicationOf(own, reviewInvite, 502);

    const res = await invoke(area, 'POST', `/applications/${applicationId}/reject`, { token: own, body: { reason: '材料不全，请补充' } });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('APPLICATION_SELF_FORBIDDEN');
    expect((await invoke(area, 'GET', '/me/application', { token: own })).body.application.status).toBe('pending');

    const other = await invoke(area, 'POST', `/applications/${applicationId}/reject`, {
      token: enterpriseOfficer,
      body: { reason: '材料不全，请补充' },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.application.status).toBe('rejected');
  });
});

describe('an officer does not decide their own 会籍转移', () => {
  /** An officer of the district who is a member of the enterprise union asks to move to the 联合工会. */
  const officerMemberAskingTransfer = async (userId: string, n: number): Promise<{ token: string; transferId: string }> => {
    const applicant = await officerApplicant(userId);
    const applicationId = await applicationOf(applicant, logisticsReviewInvite, n);
    const approved = await invoke(area, 'POST', `/applications/${applicationId}/approve`, { token: districtOfficer });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const token = await userWithToken(
      userId,
      [
        { role: 'officer', orgId: 'district' },
        { role: 'member', orgId: 'logistics' },
      ],
      '周敏',
    );
    const asked = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    return { token, transferId: asked.body.transfer.transferId };
  };

  it('refuses approving one’s own transfer (403): the membership stays where it was; another officer approves it', async () => {
    const { token, transferId } = await officerMemberAskingTransfer('officer-mover-1', 511);
    const res = await invoke(area, 'POST', `/transfers/${transferId}/approve`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('TRANSFER_SELF_FORBIDDEN');
    expect(res.body.error.message).toContain('本人');
    expect((await getActiveMembershipRecord('officer-mover-1'))?.orgId).toBe('logistics');

    const other = await invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: enterpriseOfficer });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect((await getActiveMembershipRecord('officer-mover-1'))?.orgId).toBe('enterprise');
  });

  it('refuses rejecting one’s own transfer (403), and another officer rejects it', async () => {
    const { token, transferId } = await officerMemberAskingTransfer('officer-mover-2', 512);
    const res = await invoke(area, 'POST', `/transfers/${transferId}/reject`, { token, body: { reason: '暂不接收' } });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('TRANSFER_SELF_FORBIDDEN');
    const mine = await invoke(area, 'GET', '/me/membership', { token });
    expect(mine.body.transfers[0].status).toBe('pending');

    const other = await invoke(area, 'POST', `/transfers/${transferId}/reject`, { token: enterpriseOfficer, body: { reason: '暂不接收' } });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.transfer.status).toBe('rejected');
  });
});
