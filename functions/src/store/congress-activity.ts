import type { ProposalStatus } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { listMotionIdsVotedBy } from './congress-ballot.repository';
import { getMotions } from './congress-motion.repository';
import { getProposals, listCosignsBy } from './congress-proposal.repository';
import { CongressProposalEntity } from './entities/congress.entity';
import { once } from './once';

/**
 * A person's own 提案, 附议 and "has voted" markers (never a ballot, which carries no voter): the read
 * behind 我的提案与表决 (`GET /me/congress-activity`) and the congress part of `GET /me/data`. Three
 * queries of the person's own indexes at once, then the co-signed proposals and the motions voted in,
 * one BatchGetItem each (at once): two round trips. Nothing here is sealed, so nothing is decrypted.
 */
export interface CongressActivity {
  proposals: Array<{
    proposalId: string;
    sessionId: string;
    title: string;
    status: ProposalStatus;
    createdAt: string;
    proposerName: string;
  }>;
  cosigned: Array<{ proposalId: string; title: string; at: string; displayName: string }>;
  votedIn: Array<{ motionId: string; title: string }>;
}

const ALL = { maxPages: Number.POSITIVE_INFINITY } as const;
const proposals = once(() => CongressProposalEntity().build(EntityRepository));

export const readCongressActivity = async (userId: string): Promise<CongressActivity> => {
  const [own, [cosigned, cosignedProposals], votedMotions] = await Promise.all([
    proposals()
      .query({ index: 'gsi2', partition: `PROPOSER#${userId}` }, ALL)
      .then((r) => r.Items ?? []),
    listCosignsBy(userId).then(async (c) => [c, await getProposals(c.map((x) => x.proposalId))] as const),
    listMotionIdsVotedBy(userId).then(getMotions),
  ]);
  return {
    proposals: own.map((p) => ({
      proposalId: p.proposalId,
      sessionId: p.sessionId,
      title: p.title,
      status: p.status,
      createdAt: p.createdAt,
      proposerName: p.proposerName,
    })),
    cosigned: cosigned.flatMap((c) => {
      const p = cosignedProposals.get(c.proposalId);
      return p ? [{ proposalId: c.proposalId, title: p.title, at: c.at, displayName: c.displayName }] : [];
    }),
    votedIn: [...votedMotions.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((m) => ({ motionId: m.motionId, title: m.title })),
  };
};
