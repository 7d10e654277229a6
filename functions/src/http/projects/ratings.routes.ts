import { DomainError, idSchema } from '@union/shared';
import { createSurveyRequest, myRatingsQuery, rateServiceRequest, surveyParams } from '@union/shared/contracts/projects-progress.contract';
import { benefitKeyOf, claimPeriodOf } from '@union/shared/domain/card/quota';
import { csvDocument } from '@union/shared/domain/common/csv';
import { beijingDay, projectCallPhase } from '@union/shared/domain/projects/call';
import { RATING_LABELS, type RatingCounts, summarizeRatings } from '@union/shared/domain/projects/progress';
import * as z from 'zod/mini';
import { batchGetItems } from '../../store/batch-get';
import { getBenefit, getCatalogOfYear } from '../../store/catalog.repository';
import { activeMemberFrom } from '../../store/membership.repository';
import { pointerFromStored, userMembershipKey } from '../../store/membership-pointer';
import { requireOrg } from '../../store/org.repository';
import { getOrgYearCounters } from '../../store/project-progress.repository';
import {
  createSurvey,
  getSurveys,
  listRatings,
  memberServiceKeys,
  memberServiceOf,
  rateService,
  requireSurvey,
  type SurveyRecord,
} from '../../store/project-survey.repository';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';
import { memberAhead, requireMemberIn } from './access';
import { countedEntries, surveyView } from './progress-views';

registerStatuses({
  SURVEY_EXISTS: 409,
  SURVEY_NOT_FOUND: 404,
  SURVEY_NOT_OPEN: 409,
  SURVEY_EMPTY: 409,
  SURVEY_ENTRY_NOT_FOUND: 404,
  ALREADY_RATED: 409,
  NOT_SERVED: 403,
  NOT_IN_SUBTREE: 403,
});

const orgParams = z.object({ orgId: idSchema });

/** Results per entry of a survey: counts, satisfaction rate, response rate (served = approved claims + officers' marks). */
const surveyResults = async (survey: SurveyRecord) => {
  const year = String(survey.year);
  const [ratings, counters] = await Promise.all([listRatings(survey.orgId, year), getOrgYearCounters(survey.orgId, year)]);
  const entries = survey.entries.map((e) => {
    const mine = ratings.filter((r) => r.benefitKey === e.benefitKey);
    const counts: RatingCounts = { satisfied: 0, basic: 0, unsatisfied: 0 };
    for (const r of mine) counts[r.rating] += 1;
    const served = (counters.approved.get(e.benefitKey) ?? 0) + (counters.marked.get(e.benefitKey) ?? 0);
    return {
      benefitId: e.benefitId,
      name: e.name,
      ...summarizeRatings(counts, served),
      comments: mine.filter((r) => r.comment !== '').map((r) => ({ rating: r.rating, comment: r.comment })),
    };
  });
  const all = summarizeRatings(
    entries.reduce(
      (t, e) => ({ satisfied: t.satisfied + e.satisfied, basic: t.basic + e.basic, unsatisfied: t.unsatisfied + e.unsatisfied }),
      {
        satisfied: 0,
        basic: 0,
        unsatisfied: 0,
      },
    ),
    entries.reduce((t, e) => t + e.served, 0),
  );
  return {
    entries,
    totals: { responses: all.responses, served: all.served, satisfactionRate: all.satisfactionRate, responseRate: all.responseRate },
  };
};

export const ratingRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/project-surveys',
    access: ['officer'],
    params: orgParams,
    body: createSurveyRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const [org, catalog] = await Promise.all([requireOrg(params.orgId), getCatalogOfYear(params.orgId, body.year)]);
      const entries = countedEntries(catalog?.entries ?? []).map((b) => ({
        benefitKey: benefitKeyOf(b),
        benefitId: b.benefitId,
        name: b.name,
        unit: b.benefit.quota?.unit ?? b.benefit.facilities?.[0]?.unit ?? '项',
      }));
      if (entries.length === 0)
        throw new DomainError('SURVEY_EMPTY', `本工会${body.year}年的服务目录中没有带名额或设施数量的实事项目`, { field: 'year' });
      const survey = await createSurvey({
        orgId: org.orgId,
        orgName: org.name,
        orgDepth: org.ancestors.length,
        year: body.year,
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        entries,
        createdById: session.userId,
        createdByName: session.displayName,
        createdAt: now.toISOString(),
      });
      return { status: 201, body: { survey: surveyView(survey, now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/project-surveys/{year}/results',
    access: ['officer'],
    params: surveyParams,
    async handle({ params, now, requireRoleOver }) {
      const survey = readAhead(requireSurvey(params.orgId, String(params.year)));
      await requireRoleOver('officer', params.orgId);
      const s = await survey;
      return { body: { survey: surveyView(s, now), ...(await surveyResults(s)) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/project-surveys/{year}/results/csv',
    access: ['officer'],
    params: surveyParams,
    async handle({ params, requireRoleOver }) {
      const survey = readAhead(requireSurvey(params.orgId, String(params.year)));
      await requireRoleOver('officer', params.orgId);
      const s = await survey;
      const { entries, totals } = await surveyResults(s);
      const rate = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);
      const csv = csvDocument([
        ['实事项目', '满意', '基本满意', '不满意', '评价人数', '服务人数', '满意率(%)', '参评率(%)'],
        ...entries.map((e) => [
          e.name,
          e.satisfied,
          e.basic,
          e.unsatisfied,
          e.responses,
          e.served,
          rate(e.satisfactionRate),
          rate(e.responseRate),
        ]),
        ['合计', null, null, null, totals.responses, totals.served, rate(totals.satisfactionRate), rate(totals.responseRate)],
        [],
        ['实事项目', '评价', '意见'],
        ...entries.flatMap((e) => e.comments.map((c) => [e.name, RATING_LABELS[c.rating], c.comment])),
      ]);
      return {
        text: { contentType: 'text/csv; charset=utf-8', data: csv },
        headers: {
          'content-disposition': `attachment; filename="project-ratings-${s.year}.csv"; filename*=UTF-8''${encodeURIComponent(`${s.orgName}${s.year}年实事满意度测评.csv`)}`,
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/project-surveys/{year}/ratings',
    access: ['member'],
    params: surveyParams,
    body: rateServiceRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const year = String(params.year);
      const member = memberAhead({ session, requireRoleOver });
      const mine = readAhead(batchGetItems(memberServiceKeys(session.userId, year), { consistent: true }));
      const survey = await requireSurvey(params.orgId, year);
      await requireMemberIn(survey, member, 'orgId', '评价');
      // The survey names each entry by the version it was opened on; an id of another version of the same entry counts too.
      const named = survey.entries.find((e) => e.benefitId === body.benefitId);
      const other = named ? null : await getBenefit(body.benefitId);
      const entry = named ?? (other ? survey.entries.find((e) => e.benefitKey === benefitKeyOf(other)) : undefined);
      if (!entry) throw new DomainError('SURVEY_ENTRY_NOT_FOUND', '本次测评没有该实事项目', { field: 'benefitId' });
      if (projectCallPhase(survey, now) !== 'open') {
        throw new DomainError('SURVEY_NOT_OPEN', `满意度测评时间为 ${survey.opensOn} 至 ${survey.closesOn}`, { field: 'year' });
      }
      const [claims, service] = await mine;
      const served = memberServiceOf(claims, service, entry.benefitKey);
      if (served.rated) throw new DomainError('ALREADY_RATED', '您已评价过该项实事，每项只能评价一次', { field: 'benefitId' });
      if (!served.approvedClaim && !served.marked)
        throw new DomainError('NOT_SERVED', '您没有获得该项服务，不能评价', { field: 'benefitId' });
      await rateService({
        survey,
        entry,
        userId: session.userId,
        basis: served.approvedClaim ? 'claim' : 'mark',
        rating: body.rating,
        comment: body.comment,
        today: beijingDay(now),
      });
      return { status: 201, body: { rated: true as const } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/project-ratings',
    access: ['member'],
    query: myRatingsQuery,
    async handle({ query, session, now }) {
      const year = String(query.year ?? Number(claimPeriodOf(now)));
      // (1) the membership (its lineage), the member's claims and 实事 items of the year; (2) the lineage's surveys.
      const [pointer, claims, service] = await batchGetItems(
        [userMembershipKey(session.userId), ...memberServiceKeys(session.userId, year)],
        {
          consistent: true,
        },
      );
      const member = pointer ? await activeMemberFrom(pointerFromStored(pointer)) : null;
      if (!member) return { body: { year: Number(year), surveys: [], services: [] } };
      const surveys = await getSurveys(
        member.lineage.map((o) => o.orgId),
        year,
      );
      const services = surveys.flatMap((s) =>
        s.entries.flatMap((e) => {
          const m = memberServiceOf(claims, service, e.benefitKey);
          if (!m.approvedClaim && !m.marked) return [];
          return [
            {
              orgId: s.orgId,
              orgName: s.orgName,
              year: s.year,
              benefitId: e.benefitId,
              name: e.name,
              servedBy: m.approvedClaim ? ('claim' as const) : ('mark' as const),
              rated: m.rated,
            },
          ];
        }),
      );
      return { body: { year: Number(year), surveys: surveys.map((s) => surveyView(s, now)), services } };
    },
  }),
];
