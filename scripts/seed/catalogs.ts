import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePublishRequest } from '@union/shared/domain/catalog-publish/publish';
import { importPlan } from '@union/shared/domain/plan-import/index';
import { publishCatalog } from '../../functions/src/store/catalog.repository';
import { repoRoot } from '../lib/dynamo-local';

type DraftService = ReturnType<typeof importPlan>['services'][number];

/**
 * The plans the demo catalogs come from: the importer runs on them exactly as an officer's paste
 * would; `edit` is what the officer changes in the draft before publishing. The city's insurance for
 * the 八大群体 is given (赠送) to every member of those groups: 免申即享. The demo courier, whose
 * declaration an officer confirmed (membership step), gets it at once; a worker who joins through
 * the auto invite as a courier sees it go to review until an officer confirms them in 会员认定.
 */
export interface DemoCatalogPlan {
  orgId: string;
  file: string;
  /** The year the file's plan is written for: the seed publishes it for `yearsAgo` years before the current one. */
  planYear: number;
  yearsAgo: number;
  edit?: (s: DraftService) => DraftService;
  /** Only these entries (by name), when set. */
  keep?: readonly string[];
}

const cityEdit = (s: DraftService) => (s.name.includes('意外伤害互助保险') ? { ...s, claimMode: 'automatic' as const } : s);

/**
 * In publish order. The plans are 2025's; the demo must work in any year, so the seed moves each plan to
 * the year it stands for (`yearInPlan`): the city publishes last year's plan, then this year's as its
 * next version (the older version stays, for the version history); the enterprise this year's; the
 * logistics union a short plan of last year, whose entries show 已结束 on the courier's card.
 */
export const DEMO_CATALOG_PLANS: readonly DemoCatalogPlan[] = [
  { orgId: 'city', file: 'catalog/plans/yunxi-city-2025.txt', planYear: 2025, yearsAgo: 1, edit: cityEdit },
  { orgId: 'city', file: 'catalog/plans/yunxi-city-2025.txt', planYear: 2025, yearsAgo: 0, edit: cityEdit },
  { orgId: 'enterprise', file: 'catalog/plans/hengda-company-2025.txt', planYear: 2025, yearsAgo: 0 },
  {
    orgId: 'logistics',
    file: 'catalog/plans/jingzhou-kuaidi-industry-2026.txt',
    planYear: 2026,
    yearsAgo: 1,
    keep: ['夏送清凉活动', '职工免费体检'],
  },
];

/** A plan's text for another year: every "2025" of a 2025 plan becomes the target year (same length, so quotes keep their places). */
export const yearInPlan = (text: string, planYear: number, year: number): string => text.replaceAll(String(planYear), String(year));

/** The China year of an instant. */
const chinaYearOf = (now: Date): number => new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();

const SEED_PUBLISHER = { userId: 'seed', displayName: '演示数据' };

/** Imports a plan file and publishes every drafted entry (as `edit` changes it), with the text, as the org's next version. */
export const publishPlanFile = async (
  orgId: string,
  file: string,
  now = new Date(),
  edit: (s: DraftService) => DraftService = (s) => s,
  options: { year?: { from: number; to: number }; keep?: readonly string[] } = {},
) => {
  const original = await readFile(path.resolve(repoRoot, file), 'utf8');
  const text = options.year ? yearInPlan(original, options.year.from, options.year.to) : original;
  const draft = importPlan(text);
  const kept = options.keep ? draft.services.filter((s) => options.keep?.includes(s.name)) : draft.services;
  const request = parsePublishRequest({ document: draft.document, services: kept.map(edit), sourceText: text });
  return publishCatalog({ orgId, request, publishedBy: SEED_PUBLISHER, now });
};

/** 服务目录: the city plan (意外伤害互助保险 for 八大群体, 大病住院慰问 …), an enterprise plan with a 商惠 item, and last year's logistics plan. */
export const catalogsStep = {
  name: '服务目录（由计划文本导入）',
  async run() {
    const now = new Date();
    for (const { orgId, file, edit, planYear, yearsAgo, keep } of DEMO_CATALOG_PLANS) {
      const year = { from: planYear, to: chinaYearOf(now) - yearsAgo };
      const catalog = await publishPlanFile(orgId, file, now, edit, { year, ...(keep ? { keep } : {}) });
      if (keep && catalog.entries.length !== keep.length)
        console.warn(`  warning: ${file} yielded ${catalog.entries.length} of ${keep.length} entries`);
      if (orgId === 'enterprise' && !catalog.entries.some((e) => e.tier === '商惠')) {
        console.warn(`  warning: ${file} yielded no 商惠 entry for the demo enterprise catalog`);
      }
    }
  },
};
