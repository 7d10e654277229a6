/**
 * What the write measurements consume, made before any timed region: writes that can happen once per
 * person (a ballot per motion, a claim per benefit and year, an application per account) each need a
 * person of their own.
 *
 * - delegates: active members of the demo enterprise union (activated as the 入会 journey does), on
 *   the roster of a congress session of their own and signed in. They cast the ballots (one motion
 *   per measurement) and, being members, make the claims.
 * - applicants: signed-in accounts without a membership, and enough auto invites of the demo 联合工会
 *   for them (an invite admits 120 applications per 10 minutes: RATE_LIMITS.joinPerInvite).
 */
import { createHash } from 'node:crypto';
import { RATE_LIMITS, type RoleGrant } from '@union/shared';
import { requireOrg } from '../../functions/src/store/org.repository';
import { putUser } from '../../functions/src/store/user.repository';
import { mapLimit } from '../../tests/integration/congress/fixtures';
import { joinForm } from '../../tests/integration/membership/fixtures';
import { activatePlainMember } from '../../tests/support/plain-members';
import { tokenFor } from '../../tests/support/sessions';
import { progress } from './lib';
import { AREAS, call, demoToken, expectOk } from './world';

export { mapLimit };

export interface Delegate {
  userId: string;
  memberNumber: string;
  /** A session with the grants the delegate's account holds: member and delegate of the enterprise union. */
  token: string;
}

export interface Applicant {
  userId: string;
  token: string;
  inviteId: string;
  form: ReturnType<typeof joinForm>;
}

export interface Prepared {
  orgId: string;
  sessionId: string;
  officerToken: string;
  delegates: Delegate[];
  applicants: Applicant[];
  /** Opens a new motion in the session (what the ballot measurements vote on): a 表决 unless `spec` says otherwise. */
  openMotion(title: string, spec?: object): Promise<string>;
}

const ORG = 'enterprise';
const JOINT = 'logistics';
const _h = (s: string) => createHash('sha256').update(s).digest('base64url');

export const prepare = async (opts: { delegates: number; applicants: number }): Promise<Prepared> => {
  const org = await requireOrg(ORG);
  const officerToken = await demoToken('officer-enterprise');
  const districtOfficer = await demoToken('officer-district');
  const grants: RoleGrant[] = [
    { role: 'member', orgId: ORG },
    { role: 'delegate', orgId: ORG },
  ];

  // Concurrent activations of one org contend for its member-number sequence (and retry): a few at a time.
  const delegates = await mapLimit(
    Array.from({ length: opts.delegates }, (_, i) => i),
    8,
    async (i) => {
      const userId = `bench-d${String(i).padStart(4, '0')}`;
      const name = `代表${i}`;
      const m = await activatePlainMember({ userId, name, org, female: i % 2 === 0 });
      return { userId, memberNumber: m.memberNumber, token: await tokenFor(userId, grants, name) };
    },
  );

  progress(`prepared ${delegates.length} members`);
  const created = await call({
    area: AREAS.congress,
    method: 'POST',
    path: '/congress/sessions',
    token: officerToken,
    body: { orgId: ORG, sessionName: '第三届第三次职工代表大会（性能测量）', startDate: '2025-03-10', endDate: '2025-03-11' },
  });
  const sessionId: string = expectOk('create session', created).body.session.sessionId;
  const csv = delegates.map((d, i) => `${d.memberNumber},第${(i % 6) + 1}代表团`).join('\n');
  const imported = await call({
    area: AREAS.congress,
    method: 'POST',
    path: `/congress/sessions/${sessionId}/roster/import`,
    token: officerToken,
    body: { csv },
  });
  expectOk('roster import', imported);
  await mapLimit(delegates, 16, async (d) => {
    expectOk(
      'sign-in',
      await call({ area: AREAS.congress, method: 'POST', path: `/congress/sessions/${sessionId}/sign-in`, token: d.token }),
    );
  });

  progress(`put them on a congress roster and signed them in`);
  const invites: string[] = [];
  const perInvite = RATE_LIMITS.joinPerInvite.limit - 10;
  for (let i = 0; i < Math.ceil(opts.applicants / perInvite); i += 1) {
    const res = await call({
      area: AREAS.membership,
      method: 'POST',
      path: `/orgs/${JOINT}/invites`,
      token: districtOfficer,
      body: { mode: 'auto', maxUses: 1000, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    invites.push(expectOk('create invite', res).body.invite.inviteId);
  }
  const applicants = await mapLimit(
    Array.from({ length: opts.applicants }, (_, i) => i),
    16,
    async (i): Promise<Applicant> => {
      const userId = `bench-a${String(i).padStart(4, '0')}`;
      await putUser({ userId, displayName: '新职工', grants: [] });
      return { userId, token: await tokenFor(userId, [], '新职工'), inviteId: invites[Math.floor(i / perInvite)]!, form: joinForm(i) };
    },
  );

  return {
    orgId: ORG,
    sessionId,
    officerToken,
    delegates,
    applicants,
    async openMotion(title, spec = { kind: 'vote' }) {
      const m = await call({
        area: AREAS.congress,
        method: 'POST',
        path: `/congress/sessions/${sessionId}/motions`,
        token: officerToken,
        body: { ...spec, title },
      });
      const motionId: string = expectOk('create motion', m).body.motion.motionId;
      expectOk(
        'open motion',
        await call({ area: AREAS.congress, method: 'POST', path: `/congress/motions/${motionId}/open`, token: officerToken }),
      );
      return motionId;
    },
  };
};
