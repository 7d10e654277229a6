import { type BallotChoice, cosignProposal, tallyBallots, type VoteOption } from '@union/shared';
import { randomId } from '../../functions/src/platform/ids';
import { castBallotInStore, listBallots } from '../../functions/src/store/congress-ballot.repository';
import {
  closeMotionVoting,
  createMotion,
  openMotion,
  requireMotion,
  storeMotionResult,
} from '../../functions/src/store/congress-motion.repository';
import { cosignProposalInStore, createProposal } from '../../functions/src/store/congress-proposal.repository';
import { addDelegates, signIn } from '../../functions/src/store/congress-roster.repository';
import { createSession, requireSession } from '../../functions/src/store/congress-session.repository';
import { getActiveMembershipByUser } from '../../functions/src/store/membership.repository';
import { getUser } from '../../functions/src/store/user.repository';
import { DELEGATE_COUNT, DEMO_IDENTITIES } from './demo-data';

export const DEMO_CONGRESS_SESSION_ID = 'cs-demo-3-2';
const OFFICER_NAME = DEMO_IDENTITIES.find((i) => i.userId === 'officer-enterprise')?.displayName ?? '工会干部';
const DELEGATIONS = ['生产一部代表团', '生产二部代表团', '技术中心代表团', '机关代表团'];
const delegateId = (n: number) => `delegate-${String(n).padStart(2, '0')}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * 职代会 demo: 第三届第二次职工代表大会 of the enterprise union with delegates 01–36 (four 代表团),
 * 30 of them signed in (01–06 are left for the walk-through), one proposal in review with two
 * co-signers, and one closed 表决 with its result and published receipts.
 */
export const congressStep = {
  name: '职代会（会议、代表、提案、已结束的表决）',
  async run() {
    const now = new Date();
    const sessionId = DEMO_CONGRESS_SESSION_ID;
    await createSession({
      sessionId,
      orgId: 'enterprise',
      sessionName: '第三届第二次职工代表大会',
      startDate: day(0),
      endDate: day(1),
      createdAt: now.toISOString(),
    });
    const roster = [];
    for (let n = 1; n <= DELEGATE_COUNT; n += 1) {
      const userId = delegateId(n);
      const user = await getUser(userId);
      const membership = await getActiveMembershipByUser(userId);
      roster.push({
        userId,
        displayName: membership?.name ?? user?.displayName ?? userId,
        memberNumber: membership?.memberNumber ?? null,
        delegation: DELEGATIONS[Math.floor((n - 1) / 9)] ?? null,
      });
    }
    // Each entry and its delegate grant are written together.
    await addDelegates({ sessionId, orgId: 'enterprise' }, roster);
    for (let n = 7; n <= DELEGATE_COUNT; n += 1) await signIn({ sessionId, orgId: 'enterprise' }, delegateId(n), now);

    const proposer = roster[9]!;
    const proposal = await createProposal(
      {
        proposalId: 'pp-demo-canteen',
        sessionId,
        orgId: 'enterprise',
        title: '关于夜班职工就餐保障的提案',
        cause: '夜班职工凌晨下班时食堂已停止供餐，只能自带冷食，影响身体健康和工作状态。',
        suggestion: '建议食堂增设夜班餐档口（23:30—01:00），或为夜班职工发放夜餐补贴。',
        proposerId: proposer.userId,
        proposerName: proposer.displayName,
        createdAt: now.toISOString(),
      },
      now,
    );
    for (const co of [roster[10]!, roster[11]!]) {
      await cosignProposalInStore(proposal.proposalId, co, (p) => cosignProposal(p, co.userId, co.displayName), now);
    }

    const motion = await createMotion(
      {
        motionId: 'mt-demo-report',
        sessionId,
        orgId: 'enterprise',
        kind: 'vote',
        title: '关于《企业工会工作报告》的决议',
        description: '审议通过第三届工会委员会工作报告',
        draftText: null,
        proposals: [],
        spec: { kind: 'vote' },
        revoteOf: null,
        createdAt: now.toISOString(),
      },
      OFFICER_NAME,
    );
    await openMotion(motion.motionId, now);
    // 30 signed in: 24 赞成, 4 反对, 2 弃权 → passes (threshold 19 of 36).
    const options: VoteOption[] = [...Array(24).fill('yes'), ...Array(4).fill('no'), ...Array(2).fill('abstain')];
    for (const [i, option] of options.entries()) {
      await castBallotInStore({
        motion,
        userId: delegateId(i + 7),
        choice: { kind: 'vote', option },
        receiptCode: randomId(12).replace(/(.{4})(?=.)/g, '$1-'),
      });
    }
    const session = await requireSession(sessionId, true);
    await closeMotionVoting(motion.motionId, session.signedInCount, { userId: 'officer-enterprise', name: OFFICER_NAME }, now);
    const ballots = await listBallots(motion.motionId);
    await storeMotionResult(
      await requireMotion(motion.motionId, true),
      tallyBallots(
        motion.spec,
        ballots.map((b): BallotChoice => b.choice),
        session.rosterCount,
        session.signedInCount,
      ),
    );
  },
};
