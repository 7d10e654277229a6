import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@union/shared';
import type { Rating } from '@union/shared/domain/projects/index';
import { randomId } from '../platform/ids';
import { batchGetItems } from './batch-get';
import { MEMBER_CLAIM_PREFIX, memberClaimsKey } from './entities/claim.entity';
import {
  MEMBER_SERVICE_ENTITY,
  memberServiceKey,
  RATED_PREFIX,
  ratingsPk,
  SERVED_PREFIX,
  surveyKey,
} from './entities/project-progress.entity';
import { memberInSubtreeCheck } from './project-conditions';
import { getDocumentClient, tableName } from './table';
import { rawTx, runTransaction, TransactionRefused } from './transactions';

/** 绩效评估: an org's satisfaction survey of a year and its members' ratings (keys: entities/project-progress.entity.ts). */

export interface SurveyEntry {
  benefitKey: string;
  benefitId: string;
  name: string;
  unit: string;
}

export interface SurveyRecord {
  orgId: string;
  orgName: string;
  orgDepth: number;
  year: number;
  opensOn: string;
  closesOn: string;
  entries: SurveyEntry[];
  createdByName: string;
  createdAt: string;
}

const toSurvey = (i: Record<string, unknown>): SurveyRecord => ({
  orgId: String(i.orgId),
  orgName: String(i.orgName),
  orgDepth: Number(i.orgDepth),
  year: Number(i.year),
  opensOn: String(i.opensOn),
  closesOn: String(i.closesOn),
  entries: (i.entries as SurveyEntry[]).map((e) => ({ benefitKey: e.benefitKey, benefitId: e.benefitId, name: e.name, unit: e.unit })),
  createdByName: String(i.createdByName),
  createdAt: String(i.createdAt),
});

/** Opens the org's survey of a year (one per org and year: SURVEY_EXISTS otherwise). */
export const createSurvey = async (survey: SurveyRecord & { createdById: string }): Promise<SurveyRecord> => {
  try {
    await runTransaction(async () => [
      {
        label: 'survey',
        tx: rawTx({
          Put: {
            TableName: tableName(),
            Item: { ...surveyKey(survey.orgId, String(survey.year)), _et: 'ProjectSurvey', ...survey },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
      },
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused) throw new DomainError('SURVEY_EXISTS', `${survey.year} 年度的满意度测评已开启`, { field: 'year' });
    throw e;
  }
  const { createdById: _c, ...view } = survey;
  return view;
};

/** The surveys of a year of some orgs (a lineage), in their order; absent ones left out. One BatchGetItem. */
export const getSurveys = async (orgIds: readonly string[], year: string): Promise<SurveyRecord[]> => {
  const items = await batchGetItems(
    orgIds.map((o) => surveyKey(o, year)),
    { consistent: true },
  );
  return items.flatMap((i) => (i ? [toSurvey(i)] : []));
};

export const requireSurvey = async (orgId: string, year: string): Promise<SurveyRecord> => {
  const [survey] = await getSurveys([orgId], year);
  if (!survey) throw new DomainError('SURVEY_NOT_FOUND', `该工会没有 ${year} 年度的满意度测评`, { field: 'year' });
  return survey;
};

/** What the member's items of a year say about an entry: served (an approved claim or an officer's mark) and their rating. */
export interface MemberService {
  approvedClaim: boolean;
  marked: boolean;
  /** Whether they rated it (never what: the marker holds no answer, the rating no member). */
  rated: boolean;
}

/** The member's claims and 实事 items of a year (raw), for memberServiceOf. */
export const memberServiceKeys = (userId: string, year: string) => [memberClaimsKey(userId, year), memberServiceKey(userId, year)];

export const memberServiceOf = (
  claims: Record<string, unknown> | undefined,
  service: Record<string, unknown> | undefined,
  benefitKey: string,
): MemberService => {
  const claim = claims?.[MEMBER_CLAIM_PREFIX + benefitKey] as { status?: string } | undefined;
  return {
    approvedClaim: claim?.status === 'approved',
    marked: service?.[SERVED_PREFIX + benefitKey] !== undefined,
    rated: service?.[RATED_PREFIX + benefitKey] !== undefined,
  };
};

/**
 * A served member's rating, once: one transaction of the anonymous rating (put if absent), the
 * member's once-marker `rated:<benefitKey>` (set only if absent — and, when served by an officer's
 * mark, only where the mark is), the survey open on `today` (its dates), the member still in the
 * survey org's subtree, and, when served by a claim, that claim still approved.
 */
export const rateService = async (input: {
  survey: SurveyRecord;
  entry: SurveyEntry;
  userId: string;
  basis: 'claim' | 'mark';
  rating: Rating;
  comment: string;
  today: string;
}): Promise<void> => {
  const { survey, entry, userId } = input;
  const year = String(survey.year);
  try {
    await runTransaction(async () => [
      {
        label: 'rating',
        tx: rawTx({
          Put: {
            TableName: tableName(),
            Item: {
              pk: ratingsPk(survey.orgId, year),
              sk: `${entry.benefitKey}#${randomId(16)}`,
              _et: 'ProjectRating',
              benefitKey: entry.benefitKey,
              rating: input.rating,
              comment: input.comment,
              on: input.today,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
      },
      {
        label: 'once',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: memberServiceKey(userId, year),
            UpdateExpression: 'SET #r = :r, #et = :et',
            ConditionExpression: input.basis === 'mark' ? 'attribute_not_exists(#r) AND attribute_exists(#s)' : 'attribute_not_exists(#r)',
            ExpressionAttributeNames: {
              '#r': RATED_PREFIX + entry.benefitKey,
              '#et': '_et',
              ...(input.basis === 'mark' ? { '#s': SERVED_PREFIX + entry.benefitKey } : {}),
            },
            // The marker holds the day only: what the member answered is on the anonymous rating alone.
            ExpressionAttributeValues: { ':r': input.today, ':et': MEMBER_SERVICE_ENTITY },
          },
        }),
      },
      {
        label: 'open',
        tx: rawTx({
          ConditionCheck: {
            TableName: tableName(),
            Key: surveyKey(survey.orgId, year),
            ConditionExpression: 'opensOn <= :today AND closesOn >= :today',
            ExpressionAttributeValues: { ':today': input.today },
          },
        }),
      },
      memberInSubtreeCheck(userId, survey),
      ...(input.basis === 'claim'
        ? [
            {
              label: 'claim',
              tx: rawTx({
                ConditionCheck: {
                  TableName: tableName(),
                  Key: memberClaimsKey(userId, year),
                  ConditionExpression: '#c.#st = :approved',
                  ExpressionAttributeNames: { '#c': MEMBER_CLAIM_PREFIX + entry.benefitKey, '#st': 'status' },
                  ExpressionAttributeValues: { ':approved': 'approved' },
                },
              }),
            },
          ]
        : []),
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused) {
      if (e.failed.includes('member'))
        throw new DomainError('NOT_IN_SUBTREE', '只有本工会及下级工会的在会会员可以评价', { field: 'orgId' });
      if (e.failed.includes('open'))
        throw new DomainError('SURVEY_NOT_OPEN', `满意度测评时间为 ${survey.opensOn} 至 ${survey.closesOn}`, { field: 'year' });
      if (e.failed.includes('once')) {
        // Absent the served mark or present the rating: the marker says which.
        throw new DomainError('ALREADY_RATED', '您已评价过该项实事，每项只能评价一次', { field: 'benefitId' });
      }
      if (e.failed.includes('claim')) throw new DomainError('NOT_SERVED', '您没有获得该项服务，不能评价', { field: 'benefitId' });
    }
    throw e;
  }
};

export interface RatingRow {
  benefitKey: string;
  rating: Rating;
  comment: string;
}

/** Every rating of an org's survey of a year (the partition to its end, strongly consistent). */
export const listRatings = async (orgId: string, year: string): Promise<RatingRow[]> => {
  const out: RatingRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ratingsPk(orgId, year) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const i of page.Items ?? [])
      out.push({ benefitKey: String(i.benefitKey), rating: i.rating as Rating, comment: String(i.comment ?? '') });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
};

/** One entry of a member's 实事 items of a year: served by an officer's mark (when, by whom) and whether they rated (the day). */
export interface MemberServiceRecord {
  year: string;
  benefitKey: string;
  servedAt: string | null;
  servedBy: string | null;
  ratedOn: string | null;
}

/** Everything the member's `USER#id / PSERVICE#year` items hold (PIPL 查阅权, GET /me/data): every page. */
export const listMemberServices = async (userId: string): Promise<MemberServiceRecord[]> => {
  const out = new Map<string, MemberServiceRecord>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':sk': 'PSERVICE#' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const year = String(item.sk).slice('PSERVICE#'.length);
      const entry = (benefitKey: string) => {
        const key = `${year}\u0000${benefitKey}`;
        const found = out.get(key) ?? { year, benefitKey, servedAt: null, servedBy: null, ratedOn: null };
        out.set(key, found);
        return found;
      };
      for (const [name, value] of Object.entries(item)) {
        if (name.startsWith(SERVED_PREFIX)) {
          const mark = value as { at?: string; by?: string };
          Object.assign(entry(name.slice(SERVED_PREFIX.length)), { servedAt: String(mark.at ?? ''), servedBy: String(mark.by ?? '') });
        } else if (name.startsWith(RATED_PREFIX)) entry(name.slice(RATED_PREFIX.length)).ratedOn = String(value);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return [...out.values()];
};
