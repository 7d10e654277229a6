import { claimPeriodOf } from '@union/shared';
import { benefitKeyOf } from '@union/shared/domain/card/quota';
import { progressTargetOf, type Rating } from '@union/shared/domain/projects/progress';
import { getLatestCatalog } from '../../functions/src/store/catalog.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import { appendProgress, markServed } from '../../functions/src/store/project-progress.repository';
import { createSurvey, rateService } from '../../functions/src/store/project-survey.repository';

const SEED = { userId: 'seed', displayName: '演示数据' };
const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** How far each counted entry is, in catalog order: some ahead, some behind the half-year. */
const FRACTIONS = [0.62, 0.3, 0.85, 0.45, 1, 0.2];
const RATINGS: Rating[] = ['satisfied', 'satisfied', 'basic', 'satisfied', 'unsatisfied'];
const COMMENTS = ['安排得很周到，希望明年继续', '', '名额再多一些就好了', '', '等了很久才轮到'];

/**
 * 实事 过程管理 and 绩效评估 demo, on this year's published catalogs of the city and the enterprise:
 * progress recorded on every entry with a quota or facilities (two records each), and the enterprise's
 * (or else the city's) satisfaction survey open now, with 代表11–16 marked served by its first entry and
 * five of them rated. 张德福 (member-migrant) is marked served and has not rated: sign in as them to rate.
 */
export const projectProgressStep = {
  name: '实事（进度登记与满意度测评）',
  async run() {
    const now = new Date();
    const year = claimPeriodOf(now);
    const surveyed: Array<{ orgId: string; entries: Array<{ benefitKey: string; benefitId: string; name: string; unit: string }> }> = [];
    for (const orgId of ['city', 'enterprise']) {
      const catalog = await getLatestCatalog(orgId);
      const counted = (catalog?.entries ?? []).filter((e) => progressTargetOf(e.benefit) !== null);
      for (const [i, entry] of counted.entries()) {
        const target = progressTargetOf(entry.benefit)!;
        const done = Math.floor(target.count * (FRACTIONS[i % FRACTIONS.length] ?? 0.5));
        const benefit = { benefitKey: benefitKeyOf(entry), benefitId: entry.benefitId, name: entry.name };
        const first = { orgId, year, benefit, by: SEED, now };
        await appendProgress({ ...first, done: Math.floor(done / 2), on: beijingDay(-60), note: '第一批已完成' });
        await appendProgress({ ...first, done, on: beijingDay(-3), note: '按计划推进' });
      }
      if (counted.length > 0) {
        surveyed.push({
          orgId,
          entries: counted.map((e) => ({
            benefitKey: benefitKeyOf(e),
            benefitId: e.benefitId,
            name: e.name,
            unit: e.benefit.quota?.unit ?? e.benefit.facilities?.[0]?.unit ?? '项',
          })),
        });
      }
    }
    const target = surveyed.find((s) => s.orgId === 'enterprise') ?? surveyed[0];
    if (!target) return;
    const org = await requireOrg(target.orgId);
    const survey = await createSurvey({
      orgId: org.orgId,
      orgName: org.name,
      orgDepth: org.ancestors.length,
      year: Number(year),
      opensOn: beijingDay(-2),
      closesOn: beijingDay(14),
      entries: target.entries,
      createdById: SEED.userId,
      createdByName: SEED.displayName,
      createdAt: now.toISOString(),
    });
    const entry = target.entries[0]!;
    const served = [...Array.from({ length: 6 }, (_, i) => `delegate-${11 + i}`), 'member-migrant'];
    for (const userId of served) {
      await markServed({
        org: { orgId: org.orgId, orgDepth: org.ancestors.length },
        year,
        benefitKey: entry.benefitKey,
        userId,
        by: SEED,
        now,
      });
    }
    for (const [i, rating] of RATINGS.entries()) {
      await rateService({
        survey,
        entry,
        userId: served[i]!,
        basis: 'mark',
        rating,
        comment: COMMENTS[i] ?? '',
        today: beijingDay(0),
      });
    }
  },
};
