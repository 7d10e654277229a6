import { DomainError, type ProposalChange, type ProposalEventType, type ProposalStatus, VOTABLE_PROPOSAL_STATUSES } from '@union/shared';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { randomId } from '../platform/ids';
import { batchGet, inBatches } from './batch-get';
import { memberOfOrgCheck, notMember, refusal } from './congress-conditions';
import { proposalDeskTxs } from './desk-counters';
import type { DueNotice } from './due-notice.repository';
import {
  CongressCosignEntity,
  CongressDelegateEntity,
  CongressProposalEntity,
  CongressProposalEventEntity,
} from './entities/congress.entity';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import { UnionTable } from './table';
import { type LabeledTx, runTransaction } from './transactions';

const proposals = once(() => CongressProposalEntity().build(EntityRepository));
const cosigns = once(() => CongressCosignEntity().build(EntityRepository));
const proposalEvents = once(() => CongressProposalEventEntity().build(EntityRepository));

// ——— proposals ———

export interface ProposalRecord {
  proposalId: string;
  sessionId: string;
  orgId: string;
  title: string;
  cause: string;
  suggestion: string;
  proposerId: string;
  proposerName: string;
  status: ProposalStatus;
  cosignCount: number;
  version: number;
  department?: string | undefined;
  replyDeadline?: string | undefined;
  decisionReason?: string | undefined;
  reply?: string | undefined;
  repliedAt?: string | undefined;
  rating?: string | undefined;
  replyOverdueNotifiedAt?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

type ProposalItem = NonNullable<Awaited<ReturnType<ReturnType<typeof proposals>['get']>>['Item']>;
const toProposal = ({ gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest }: ProposalItem): ProposalRecord => rest;

export const getProposal = async (proposalId: string, consistent = false): Promise<ProposalRecord | null> => {
  const { Item } = await proposals().get({ proposalId }, { consistent });
  return Item ? toProposal(Item) : null;
};

export const requireProposal = async (proposalId: string, consistent = false): Promise<ProposalRecord> => {
  const p = await getProposal(proposalId, consistent);
  if (!p) throw new DomainError('PROPOSAL_NOT_FOUND', '提案不存在', { field: 'proposalId' });
  return p;
};

/** Proposals by id, in one BatchGetItem per 100 (at once); absent ones are left out. */
export const getProposals = async (proposalIds: readonly string[]): Promise<Map<string, ProposalRecord>> => {
  const found = await inBatches(proposalIds, async (ids) => {
    const { Responses } = await batchGet(
      UnionTable.build(BatchGetCommand).requests(
        ...ids.map((proposalId) => CongressProposalEntity().build(BatchGetRequest).key({ proposalId })),
      ),
    );
    return Responses[0].filter((i): i is ProposalItem => i !== undefined);
  });
  return new Map(found.map((i) => [i.proposalId, toProposal(i)]));
};

/** What a person co-signed, oldest first (gsi1; every page). */
export const listCosignsBy = async (userId: string): Promise<Array<{ proposalId: string; displayName: string; at: string }>> => {
  const { Items = [] } = await cosigns().query({ index: 'gsi1', partition: `COSIGNER#${userId}` }, ALL_PAGES);
  return Items.map((c) => ({ proposalId: c.proposalId, displayName: c.displayName, at: c.at }));
};

/** Every proposal of a session (counts over all of them, personal data). */
export const listSessionProposals = async (sessionId: string): Promise<ProposalRecord[]> => {
  const { Items = [] } = await proposals().query({ index: 'gsi1', partition: `CONGRESSPROPOSALS#${sessionId}` }, ALL_PAGES);
  return Items.map(toProposal);
};

/** Reads of one filtered page before it is answered short (with its cursor). */
const MAX_FILTERED_READS = 10;

/**
 * A page of a session's proposals, oldest first, keeping those `keep` accepts (an officer's
 * overdue worklist). Each read asks DynamoDB for only as many items as the page still lacks, so
 * the cursor (where the last read stopped) never skips one; after MAX_FILTERED_READS reads the
 * page is answered short, with a cursor.
 */
export const pageSessionProposals = async (
  sessionId: string,
  req: PageRequest,
  keep: (p: ProposalRecord) => boolean = () => true,
): Promise<Page<ProposalRecord>> => {
  const partition = `CONGRESSPROPOSALS#${sessionId}`;
  const limit = limitOf(req);
  const items: ProposalRecord[] = [];
  let startKey: Record<string, unknown> | undefined = startKeyOf(req.cursor, 'gsi1', partition);
  for (let read = 0; read < MAX_FILTERED_READS; read += 1) {
    const { Items = [], LastEvaluatedKey } = await proposals().query(
      { index: 'gsi1', partition },
      { limit: limit - items.length, exclusiveStartKey: startKey },
    );
    items.push(...Items.map(toProposal).filter(keep));
    startKey = LastEvaluatedKey;
    if (!startKey || items.length >= limit) break;
  }
  return { items, nextCursor: nextCursorOf(startKey) };
};

export type ProposalCosigner = { userId: string; displayName: string; at: string };
export type ProposalEvent = { type: ProposalEventType; note: string; actorName: string; at: string; motionId?: string | undefined };

type EventItem = { type: string; note: string; actorName: string; at: string; motionId?: string | undefined };
const toEvent = (e: EventItem): ProposalEvent => ({
  type: e.type as ProposalEventType,
  note: e.note,
  actorName: e.actorName,
  at: e.at,
  ...(e.motionId !== undefined ? { motionId: e.motionId } : {}),
});

const byTime = (a: ProposalCosigner, b: ProposalCosigner) => a.at.localeCompare(b.at);

export const listProposalCosigners = async (proposalId: string): Promise<ProposalCosigner[]> => {
  const { Items = [] } = await cosigns().query({ partition: `PROPOSAL#${proposalId}`, range: { beginsWith: 'COSIGN#' } }, ALL_PAGES);
  return Items.map((c) => ({ userId: c.userId, displayName: c.displayName, at: c.at })).sort(byTime);
};

export const listProposalTimeline = async (proposalId: string): Promise<ProposalEvent[]> => {
  const { Items = [] } = await proposalEvents().query({ partition: `PROPOSAL#${proposalId}`, range: { beginsWith: 'EVENT#' } }, ALL_PAGES);
  return Items.map(toEvent);
};

export interface ProposalThread {
  proposal: ProposalRecord;
  /** 附议, in the order they were given. */
  cosigners: ProposalCosigner[];
  /** The timeline, in time order. */
  timeline: ProposalEvent[];
}

/**
 * A proposal with its 附议 and its timeline: the item collection PROPOSAL#id (sk META, COSIGN#…,
 * EVENT#…) in one strongly consistent query. null when there is no such proposal.
 */
export const getProposalThread = async (proposalId: string): Promise<ProposalThread | null> => {
  const { Items = [] } = await UnionTable.build(QueryCommand)
    .entities(CongressProposalEntity(), CongressCosignEntity(), CongressProposalEventEntity())
    .query({ partition: `PROPOSAL#${proposalId}` })
    .options({ consistent: true, showEntityAttr: true, ...ALL_PAGES })
    .send();
  let proposal: ProposalRecord | null = null;
  const cosigners: ProposalCosigner[] = [];
  const timeline: ProposalEvent[] = [];
  for (const item of Items) {
    if (item.entity === 'CongressProposal') {
      const { entity: _entity, ...stored } = item;
      proposal = toProposal(stored);
    } else if (item.entity === 'CongressCosign') cosigners.push({ userId: item.userId, displayName: item.displayName, at: item.at });
    else timeline.push(toEvent(item));
  }
  return proposal ? { proposal, cosigners: cosigners.sort(byTime), timeline } : null;
};

const eventTxs = (proposalId: string, change: Pick<ProposalChange, 'events'>, actorName: string, now: Date): LabeledTx[] =>
  change.events.map((ev, i) => ({
    label: `event:${i}`,
    tx: CongressProposalEventEntity()
      .build(PutTransaction)
      .item({
        proposalId,
        // Time first so the timeline sorts; the index and a random tail keep same-millisecond steps apart.
        eventKey: `${now.toISOString()}#${i}#${randomId(6)}`,
        type: ev.type,
        note: ev.note,
        actorName,
        at: now.toISOString(),
      }),
  }));

/**
 * For a motion's transaction: the proposal is of `sessionId` and 立案, not yet 办结
 * (VOTABLE_PROPOSAL_STATUSES), when the motion is written.
 */
export const votableProposalCheck = (proposalId: string, sessionId: string, label: string): LabeledTx => ({
  label,
  tx: CongressProposalEntity()
    .build(ConditionCheck)
    .key({ proposalId })
    .condition({
      and: [
        { attr: 'sessionId', eq: sessionId },
        { attr: 'status', in: [...VOTABLE_PROPOSAL_STATUSES] },
      ],
    }),
});

/**
 * For a motion's transaction: a step of the proposal's timeline that names the motion, under a key
 * of its time, its type and the motion (the same step written again is the same item).
 */
export const motionEventTx = (
  proposalId: string,
  ev: { type: ProposalEventType; note: string; actorName: string; at: string; motionId: string },
  label: string,
): LabeledTx => ({
  label,
  tx: CongressProposalEventEntity()
    .build(PutTransaction)
    .item({
      proposalId,
      eventKey: `${ev.at}#${ev.type}#${ev.motionId}`,
      type: ev.type,
      note: ev.note,
      actorName: ev.actorName,
      at: ev.at,
      motionId: ev.motionId,
    }),
});

/** A proposal by a roster delegate, with its first timeline step, in one transaction. */
export const createProposal = async (p: Omit<ProposalRecord, 'status' | 'cosignCount' | 'version' | 'updatedAt'>, now: Date) => {
  const record: ProposalRecord = { ...p, status: 'collecting', cosignCount: 0, version: 1, updatedAt: p.createdAt };
  try {
    await runTransaction(async () => [
      {
        label: 'delegate',
        tx: CongressDelegateEntity()
          .build(ConditionCheck)
          .key({ sessionId: p.sessionId, userId: p.proposerId })
          .condition({ attr: 'userId', exists: true }),
      },
      memberOfOrgCheck(p.proposerId, p.orgId, 'member'),
      {
        label: 'proposal',
        tx: CongressProposalEntity()
          .build(PutTransaction)
          .item({
            ...record,
            gsi1pk: `CONGRESSPROPOSALS#${p.sessionId}`,
            gsi1sk: `${p.createdAt}#${p.proposalId}`,
            gsi2pk: `PROPOSER#${p.proposerId}`,
            gsi2sk: `${p.createdAt}#${p.proposalId}`,
          })
          .options({ condition: { attr: 'proposalId', exists: false } }),
      },
      ...eventTxs(p.proposalId, { events: [{ type: 'submitted', note: p.title }] }, p.proposerName, now),
      ...proposalDeskTxs(null, record, now),
    ]);
  } catch (e) {
    throw refusal(e, {
      delegate: () => new DomainError('NOT_A_DELEGATE', '只有本次会议的代表可以提交提案', { field: 'sessionId' }),
      member: () => notMember('提交提案'),
    });
  }
  return record;
};

const proposalUpdateTx = (p: ProposalRecord, change: ProposalChange, now: Date, extraCondition: object[] = []): LabeledTx => ({
  label: 'proposal',
  tx: CongressProposalEntity()
    .build(UpdateTransaction)
    .item({ ...(change.set as object), proposalId: p.proposalId, version: p.version + 1, updatedAt: now.toISOString() } as never)
    .options({ condition: { and: [{ attr: 'version', eq: p.version }, ...extraCondition] } as never }),
});

/**
 * Applies a proposal transition computed by the domain from the freshest state. The update is
 * conditioned on the version it was computed from; a concurrent change makes it recompute. `extra`:
 * what goes with it, from the proposal as changed (the proposer's notification, the reply's due notice).
 */
export const changeProposal = async (
  proposalId: string,
  compute: (p: ProposalRecord) => ProposalChange,
  actorName: string,
  now: Date,
  extra: (changed: ProposalRecord) => LabeledTx[] = () => [],
): Promise<ProposalRecord> => {
  let latest: ProposalRecord | undefined;
  await runTransaction(async () => {
    const p = await requireProposal(proposalId, true);
    const change = compute(p);
    const changed: ProposalRecord = {
      ...p,
      ...(change.set as Partial<ProposalRecord>),
      version: p.version + 1,
      updatedAt: now.toISOString(),
    };
    latest = changed;
    return [
      proposalUpdateTx(p, change, now),
      ...eventTxs(proposalId, change, actorName, now),
      ...proposalDeskTxs(p, changed, now),
      ...extra(changed),
    ];
  }, ['proposal']);
  return latest as ProposalRecord;
};

/**
 * When an accepted proposal's reply falls overdue: the day after its deadline (a Beijing date, inclusive:
 * `isReplyOverdue`), 00:00 Beijing time. A due notice (due-notice.repository.ts) the 立案 puts and the reply removes.
 */
export const replyOverdueNotice = (p: Pick<ProposalRecord, 'proposalId' | 'orgId'> & { replyDeadline: string }): DueNotice => ({
  kind: 'replyOverdue',
  refId: p.proposalId,
  dueAt: new Date(Date.parse(`${p.replyDeadline}T00:00:00.000+08:00`) + 86_400_000).toISOString(),
  orgId: p.orgId,
});

/**
 * The once-marker of the reply-overdue notice on the proposal: set only while it is still 立案 (no
 * reply) and unmarked. It does not move `version`: an officer's change computed meanwhile still applies.
 */
export const replyOverdueToldTx = (proposalId: string, now: Date): LabeledTx => ({
  label: 'proposal',
  tx: CongressProposalEntity()
    .build(UpdateTransaction)
    .item({ proposalId, replyOverdueNotifiedAt: now.toISOString() })
    .options({
      condition: {
        and: [
          { attr: 'status', eq: 'accepted' },
          { attr: 'replyOverdueNotifiedAt', exists: false },
        ],
      },
    }),
});

/**
 * 附议: the co-sign item is put with "absent" (nobody co-signs twice), the co-signer must be on the
 * roster, and the proposal update is conditioned on "proposer is not the co-signer".
 */
export const cosignProposalInStore = async (
  proposalId: string,
  actor: { userId: string; displayName: string },
  compute: (p: ProposalRecord) => ProposalChange,
  now: Date,
): Promise<ProposalRecord> => {
  let latest: ProposalRecord | undefined;
  try {
    await runTransaction(async () => {
      const p = await requireProposal(proposalId, true);
      const change = compute(p);
      latest = { ...p, ...(change.set as Partial<ProposalRecord>), version: p.version + 1, updatedAt: now.toISOString() };
      return [
        {
          label: 'cosign',
          tx: CongressCosignEntity()
            .build(PutTransaction)
            .item({
              proposalId,
              userId: actor.userId,
              displayName: actor.displayName,
              at: now.toISOString(),
              gsi1pk: `COSIGNER#${actor.userId}`,
              gsi1sk: `${now.toISOString()}#${proposalId}`,
            })
            .options({ condition: { attr: 'userId', exists: false } }),
        },
        {
          label: 'delegate',
          tx: CongressDelegateEntity()
            .build(ConditionCheck)
            .key({ sessionId: p.sessionId, userId: actor.userId })
            .condition({ attr: 'userId', exists: true }),
        },
        memberOfOrgCheck(actor.userId, p.orgId, 'member'),
        proposalUpdateTx(p, change, now, [{ attr: 'proposerId', ne: actor.userId }]),
        ...eventTxs(proposalId, change, actor.displayName, now),
        ...(latest ? proposalDeskTxs(p, latest, now) : []),
      ];
    }, ['proposal']);
  } catch (e) {
    throw refusal(e, {
      cosign: () => new DomainError('ALREADY_COSIGNED', '您已附议过该提案', { field: 'proposalId' }),
      delegate: () => new DomainError('NOT_A_DELEGATE', '只有本次会议的代表可以附议', { field: 'proposalId' }),
      member: () => notMember('附议'),
    });
  }
  return latest as ProposalRecord;
};
