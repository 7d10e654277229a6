import { assertVotable, DomainError, linkedProposalIds, type MotionProposal, type MotionSpec, validateMotionSpec } from '@union/shared';
import type { createMotionRequest } from '@union/shared/contracts/congress-requests.contract';
import { getProposals } from '../../store/congress-proposal.repository';

type CreateMotionBody = (typeof createMotionRequest)['_zod']['output'];

/** What a new motion asks (ids given in order: c1…, s1…, i1…), checked by the domain. */
export const specOf = (body: CreateMotionBody): MotionSpec => {
  const ids = (prefix: string, items: Array<{ name: string; note?: string | undefined }>) =>
    items.map((it, i) => ({ id: `${prefix}${i + 1}`, name: it.name, ...(it.note ? { note: it.note } : {}) }));
  if (body.kind === 'election')
    return validateMotionSpec({ kind: 'election', candidates: ids('c', body.candidates), maxChoices: body.maxChoices });
  if (body.kind === 'rating') return validateMotionSpec({ kind: 'rating', subjects: ids('s', body.subjects), scale: body.scale });
  if (body.kind === 'itemized') {
    return validateMotionSpec({
      kind: 'itemized',
      items: body.items.map((it, i) => ({ id: `i${i + 1}`, name: it.title, ...(it.proposalId ? { proposalId: it.proposalId } : {}) })),
    });
  }
  return { kind: 'vote' };
};

/**
 * The 立案 proposals a motion of `sessionId` is on (named for the motion or by its items), read at
 * once, each checked (of this session, 立案, not 办结), with the text the motion keeps of them. The
 * motion's transaction checks the same again, so a decision taken meanwhile still refuses it.
 */
export const proposalsOf = async (sessionId: string, body: CreateMotionBody, spec: MotionSpec): Promise<MotionProposal[]> => {
  const ids = linkedProposalIds('proposalIds' in body ? (body.proposalIds ?? []) : [], spec);
  if (ids.length === 0) return [];
  const found = await getProposals(ids);
  return ids.map((proposalId) => {
    const p = found.get(proposalId);
    if (!p) throw new DomainError('PROPOSAL_NOT_FOUND', `关联提案：提案 ${proposalId} 不存在`, { field: 'proposalIds' });
    assertVotable(sessionId, p);
    return { proposalId, title: p.title, cause: p.cause, suggestion: p.suggestion };
  });
};
