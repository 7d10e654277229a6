import { DomainError } from '@union/shared';
import { sendToCongressRequest, voteParams } from '@union/shared/contracts/projects.contract';
import { createMotion, getMotion } from '../../store/congress-motion.repository';
import { requireSession } from '../../store/congress-session.repository';
import { requireVote } from '../../store/project-vote.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { chosenProjects } from './chosen-projects';

registerStatuses({ SESSION_OTHER_ORG: 409 });

/**
 * The member vote's list sent to the union's own 职代会 as a 分项表决 (one item per project, each voted
 * 赞成 / 反对 / 弃权 and passing on its own), its 议案 text the plan text of the list. The motion's id is
 * the vote's, so the same request again answers the motion made the first time instead of a second one.
 */
export const toCongressRoutes = [
  defineRoute({
    method: 'POST',
    path: '/project-votes/{voteId}/motion',
    access: ['officer'],
    params: voteParams,
    body: sendToCongressRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const vote = await requireVote(params.voteId, true);
      await requireRoleOver('officer', vote.orgId);
      if (vote.status !== 'closed') throw new DomainError('VOTE_NOT_CLOSED', '投票结束后才能提交职代会表决', { field: 'voteId' });
      const congress = await requireSession(body.sessionId);
      if (congress.orgId !== vote.orgId) {
        throw new DomainError('SESSION_OTHER_ORG', '职代会：只能提交本工会的职工代表大会', { field: 'sessionId' });
      }
      const { projects, planText: draftText } = chosenProjects(vote, body.projectIds);
      const motionId = `mt${vote.voteId}`;
      const existing = await getMotion(motionId, true);
      if (existing) return { body: { motionId, sessionId: existing.sessionId, created: false } };
      try {
        await createMotion(
          {
            motionId,
            sessionId: congress.sessionId,
            orgId: congress.orgId,
            kind: 'itemized',
            title: `关于${vote.year}年为职工办实事项目的分项表决`,
            description: `会员投票“${vote.title}”（${vote.tally?.ballots ?? 0} 人参加）遴选的项目，逐项表决。`,
            draftText,
            proposals: [],
            spec: { kind: 'itemized', items: projects.map((p, i) => ({ id: `i${i + 1}`, name: p.projectName })) },
            revoteOf: null,
            createdAt: now.toISOString(),
          },
          session.displayName,
        );
      } catch (e) {
        // The same request raced itself: the motion made first is the answer.
        if (!(e instanceof DomainError && e.code === 'MOTION_EXISTS')) throw e;
        return { body: { motionId, sessionId: congress.sessionId, created: false } };
      }
      return { status: 201, body: { motionId, sessionId: congress.sessionId, created: true } };
    },
  }),
];
