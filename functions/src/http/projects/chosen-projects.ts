import { DomainError } from '@union/shared';
import { adoptedPlanText } from '@union/shared/domain/projects/index';
import type { StoredCandidate, VoteRecord } from '../../store/project-vote.repository';

/**
 * The projects an officer chose from a closed vote, in their order, and the plan text they make
 * ("20XX年为职工办N件实事"): what an adoption stores and what a 分项表决 sent to the 职代会 carries.
 * Each id must be a candidate of the vote, once (400 naming `projectIds`).
 */
export const chosenProjects = (vote: VoteRecord, projectIds: readonly string[]): { projects: StoredCandidate[]; planText: string } => {
  if (new Set(projectIds).size !== projectIds.length) {
    throw new DomainError('VALIDATION_FAILED', '采纳的项目：不能重复', { field: 'projectIds' });
  }
  const byId = new Map(vote.projects.map((p) => [p.projectId, p]));
  const projects = projectIds.map((id) => {
    const p = byId.get(id);
    if (!p) throw new DomainError('VALIDATION_FAILED', '采纳的项目：不在本次投票的候选项目中', { field: 'projectIds' });
    return p;
  });
  const planText = adoptedPlanText({
    orgName: vote.orgName,
    year: vote.year,
    projects: projects.map((p) => ({
      name: p.projectName,
      content: p.content,
      targetGroup: p.targetGroup,
      target: p.target ?? undefined,
      amountYuan: p.amountYuan ?? undefined,
      department: p.department,
    })),
  });
  return { projects, planText };
};
