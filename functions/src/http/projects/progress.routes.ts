import { DomainError, idSchema, maskName, orgIdOfMemberNumber } from '@union/shared';
import { markServedRequest, progressQuery, recordProgressRequest } from '@union/shared/contracts/projects-progress.contract';
import { benefitKeyOf, claimPeriodOf } from '@union/shared/domain/card/quota';
import { parseBenefitId } from '@union/shared/domain/catalog-publish/publish';
import { beijingDay } from '@union/shared/domain/projects/call';
import { behindSchedule } from '@union/shared/domain/projects/progress';
import * as z from 'zod/mini';
import { readMemberBenefits } from '../../store/benefits-read';
import { getBenefit, getCatalogOfYear } from '../../store/catalog.repository';
import { findActiveMemberByNumber } from '../../store/member-by-number';
import { requireOrg } from '../../store/org.repository';
import {
  appendProgress,
  getOrgYearCounters,
  listProgressRecords,
  markServed,
  readCatalogsOfYear,
} from '../../store/project-progress.repository';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';
import { countedEntries, entryProgressView, progressRecordView } from './progress-views';

registerStatuses({
  BENEFIT_NOT_FOUND: 404,
  PROGRESS_NOT_COUNTED: 409,
  PROGRESS_DATE_INVALID: 400,
  ALREADY_SERVED: 409,
  MEMBERSHIP_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
});

const orgParams = z.object({ orgId: idSchema });

/** The entry a request names, of the org in the path, with something to count (404 / 409 otherwise). */
const countedEntryOf = async (orgId: string, benefitId: string) => {
  const ref = parseBenefitId(benefitId);
  const benefit = ref && ref.orgId === orgId ? await getBenefit(benefitId) : null;
  if (!benefit) throw new DomainError('BENEFIT_NOT_FOUND', '本工会发布的服务目录中没有该实事项目', { field: 'benefitId' });
  if (countedEntries([benefit]).length === 0) {
    throw new DomainError('PROGRESS_NOT_COUNTED', `「${benefit.name}」没有名额或设施数量，不记录进度`, { field: 'benefitId' });
  }
  return benefit;
};

const yearOf = (query: { year?: number }, now: Date) => String(query.year ?? Number(claimPeriodOf(now)));

export const progressRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/project-progress',
    access: ['officer'],
    params: orgParams,
    body: recordProgressRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const [org, benefit] = await Promise.all([requireOrg(params.orgId), countedEntryOf(params.orgId, body.benefitId)]);
      const today = beijingDay(now);
      if (body.on > today) throw new DomainError('PROGRESS_DATE_INVALID', '进度日期：不能晚于今天', { field: 'on' });
      const year = body.on.slice(0, 4);
      const record = await appendProgress({
        orgId: params.orgId,
        year,
        benefit: { benefitKey: benefitKeyOf(benefit), benefitId: benefit.benefitId, name: benefit.name },
        done: body.doneCount,
        on: body.on,
        note: body.note,
        by: session,
        now,
      });
      const counters = await getOrgYearCounters(params.orgId, year);
      const key = benefitKeyOf(benefit);
      return {
        status: 201,
        body: {
          record: progressRecordView(record),
          progress: entryProgressView(benefit, org.name, {
            recorded: counters.recorded.get(key),
            approved: counters.approved.get(key) ?? 0,
          }),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/project-progress',
    access: ['officer'],
    params: orgParams,
    query: progressQuery,
    async handle({ params, query, now, requireRoleOver }) {
      const year = yearOf(query, now);
      const reads = readAhead(
        Promise.all([
          requireOrg(params.orgId),
          getCatalogOfYear(params.orgId, Number(year)),
          getOrgYearCounters(params.orgId, year),
          listProgressRecords(params.orgId, year),
        ]),
      );
      await requireRoleOver('officer', params.orgId);
      const [org, catalog, counters, records] = await reads;
      const today = beijingDay(now);
      const entries = countedEntries(catalog?.entries ?? []).map((b) => {
        const key = benefitKeyOf(b);
        const view = entryProgressView(b, org.name, { recorded: counters.recorded.get(key), approved: counters.approved.get(key) ?? 0 });
        return {
          ...view,
          behind: behindSchedule({ year: Number(year), done: view.done, target: view.target }, today),
          marked: counters.marked.get(key) ?? 0,
          records: records.filter((r) => r.benefitKey === key).map(progressRecordView),
        };
      });
      return { body: { year: Number(year), today, entries } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/project-progress',
    access: ['member'],
    query: progressQuery,
    async handle({ query, session, now }) {
      const year = yearOf(query, now);
      // The card's own read (benefits-read.ts): one BatchGetItem warm, the progress on the quota items it reads.
      const hint = session.roles.find((r) => r.role === 'member')?.orgId;
      const read = await readMemberBenefits(session.userId, year, hint);
      if (!read) throw new DomainError('MEMBERSHIP_NOT_FOUND', '您还不是在会会员', { field: 'userId' });
      const names = new Map(read.member.lineage.map((o) => [o.orgId, o.name]));
      // An org whose latest plan is of another year (next year's was published): its catalog of this
      // year and that year's counters, in one more BatchGetItem (only then).
      const otherYear = read.catalogs.filter((c) => c.document.year !== null && c.document.year !== Number(year)).map((c) => c.orgId);
      const ofYear = otherYear.length > 0 ? await readCatalogsOfYear(otherYear, year) : new Map();
      const catalogs = read.catalogs.flatMap((c) =>
        otherYear.includes(c.orgId) ? (ofYear.has(c.orgId) ? [ofYear.get(c.orgId)!.catalog] : []) : [c],
      );
      const entries = catalogs.flatMap((c) =>
        countedEntries(c.entries).map((b) => {
          const key = benefitKeyOf(b);
          const counters = ofYear.get(c.orgId)?.counters;
          return entryProgressView(b, names.get(b.orgId) ?? b.orgId, {
            recorded: counters ? counters.recorded.get(key) : read.progress.get(key),
            approved: counters ? (counters.approved.get(key) ?? 0) : (read.quota.get(key)?.used ?? 0),
          });
        }),
      );
      return { body: { year: Number(year), entries } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/project-served',
    access: ['officer'],
    params: orgParams,
    body: markServedRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const numberOrg = orgIdOfMemberNumber(body.memberNumber);
      const [org, benefit, member] = await Promise.all([
        requireOrg(params.orgId),
        countedEntryOf(params.orgId, body.benefitId),
        numberOrg ? findActiveMemberByNumber(numberOrg, body.memberNumber.trim().toUpperCase()) : null,
      ]);
      if (!member) throw new DomainError('MEMBER_NOT_FOUND', '没有这个会员编号的在会会员', { field: 'memberNumber' });
      await markServed({
        org: { orgId: org.orgId, orgDepth: org.ancestors.length },
        year: claimPeriodOf(now),
        benefitKey: benefitKeyOf(benefit),
        userId: member.userId,
        by: session,
        now,
      });
      return { status: 201, body: { served: true as const, memberName: maskName(member.name) } };
    },
  }),
];
