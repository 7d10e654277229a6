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
export const DEMO_CATALOG_PLANS: ReadonlyArray<{ orgId: string; file: string; edit?: (s: DraftService) => DraftService }> = [
  {
    orgId: 'city',
    file: 'catalog/plans/yunxi-city-2025.txt',
    edit: (s) => (s.name.includes('意外伤害互助保险') ? { ...s, claimMode: 'automatic' } : s),
  },
  { orgId: 'enterprise', file: 'catalog/plans/hengda-company-2025.txt' },
];

const SEED_PUBLISHER = { userId: 'seed', displayName: '演示数据' };

/** Imports a plan file and publishes every drafted entry (as `edit` changes it), with the text, as the org's next version. */
export const publishPlanFile = async (
  orgId: string,
  file: string,
  now = new Date(),
  edit: (s: DraftService) => DraftService = (s) => s,
) => {
  const text = await readFile(path.resolve(repoRoot, file), 'utf8');
  const draft = importPlan(text);
  const request = parsePublishRequest({ document: draft.document, services: draft.services.map(edit), sourceText: text });
  return publishCatalog({ orgId, request, publishedBy: SEED_PUBLISHER, now });
};

/** 服务目录: the city plan (意外伤害互助保险 for 八大群体, 大病住院慰问 …) and an enterprise plan with a 商惠 item. */
export const catalogsStep = {
  name: '服务目录（由计划文本导入）',
  async run() {
    for (const { orgId, file, edit } of DEMO_CATALOG_PLANS) {
      const catalog = await publishPlanFile(orgId, file, new Date(), edit);
      if (orgId === 'enterprise' && !catalog.entries.some((e) => e.tier === '商惠')) {
        console.warn(`  warning: ${file} yielded no 商惠 entry for the demo enterprise catalog`);
      }
    }
  },
};
