import { DomainError } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { refusal } from './congress-conditions';
import { PlanDocumentEntity } from './entities/project.entity';
import { once } from './once';
import type { VoteRecord } from './project-vote.repository';
import { tableName } from './table';
import { rawTx, runTransaction } from './transactions';

/** 实事 adoption: the projects an officer adopts from a closed member vote, and the plan document written from them. */

const documents = once(() => PlanDocumentEntity().build(EntityRepository));

/**
 * Adopts projects of a closed vote and stores the plan text written from them as a plan document of
 * the org, in one transaction (the vote once: "closed and not adopted").
 */
export const adoptProjects = async (input: {
  vote: VoteRecord;
  projectIds: string[];
  document: { documentId: string; title: string; text: string };
  byName: string;
  now: Date;
}): Promise<void> => {
  const { vote, document, now } = input;
  try {
    await runTransaction(async () => [
      {
        label: 'vote',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: { pk: `PVOTE#${vote.voteId}`, sk: 'META' },
            UpdateExpression: 'SET #ids = :ids, #at = :at, #by = :by, #doc = :doc',
            ConditionExpression: '#status = :closed AND attribute_not_exists(#at)',
            ExpressionAttributeNames: {
              '#ids': 'adoptedProjectIds',
              '#at': 'adoptedAt',
              '#by': 'adoptedByName',
              '#doc': 'planDocumentId',
              '#status': 'status',
            },
            ExpressionAttributeValues: {
              ':ids': input.projectIds,
              ':at': now.toISOString(),
              ':by': input.byName,
              ':doc': document.documentId,
              ':closed': 'closed',
            },
          },
        }),
      },
      {
        label: 'document',
        tx: PlanDocumentEntity()
          .build(PutTransaction)
          .item({
            orgId: vote.orgId,
            documentId: document.documentId,
            year: vote.year,
            title: document.title,
            text: document.text,
            voteId: vote.voteId,
            createdByName: input.byName,
            createdAt: now.toISOString(),
          })
          .options({ condition: { attr: 'documentId', exists: false } }),
      },
    ]);
  } catch (e) {
    throw refusal(e, {
      vote: () => new DomainError('VOTE_ADOPTED', '该投票的结果已采纳（或投票尚未结束）', { field: 'voteId' }),
      document: () => new DomainError('ID_COLLISION', '编号冲突，请重试'),
    });
  }
};

export interface PlanDocumentRecord {
  orgId: string;
  documentId: string;
  year: number;
  title: string;
  text: string;
  voteId: string | null;
  createdByName: string;
  createdAt: string;
}

export const getPlanDocument = async (orgId: string, documentId: string): Promise<PlanDocumentRecord | null> => {
  const { Item } = await documents().get({ orgId, documentId });
  if (!Item) return null;
  return {
    orgId: Item.orgId,
    documentId: Item.documentId,
    year: Item.year,
    title: Item.title,
    text: Item.text,
    voteId: Item.voteId ?? null,
    createdByName: Item.createdByName,
    createdAt: Item.createdAt,
  };
};
