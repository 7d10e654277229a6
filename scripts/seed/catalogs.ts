import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePublishRequest } from '@union/shared/domain/catalog-publish/publish';
import { importPlan } from '@union/shared/domain/plan-import/index';
import { publishCatalog } from '../../functions/src/store/catalog.repository';
import { repoRoot } from '../lib/dynamo-local';

/** The plans the demo catalogs come from: the importer runs on them exactly as an officer's paste would. */
export const DEMO_CATALOG_PLANS = [
  { orgId: 'city', file: 'catalog/plans/yunxi-city-2025.txt' },
  { orgId: 'enterprise', file: 'catalog/plans/hengda-company-2025.txt' },
] as const;

const SEED_PUBLISHER = { userId: 'seed', displayName: '演示数据' };

/** Imports a plan file and publishes every drafted entry, with the text, as the org's next version. */
export const publishPlanFile = async (orgId: string, file: string, now = new Date()) => {
  const text = await readFile(path.resolve(repoRoot, file), 'utf8');
  const draft = importPlan(text);
  const request = parsePublishRequest({ document: draft.document, services: draft.services, sourceText: text });
  return publishCatalog({ orgId, request, publishedBy: SEED_PUBLISHER, now });
};

/** 服务目录: the city plan (意外伤害互助保险 for 八大群体, 大病住院慰问 …) and an enterprise plan with a 商惠 item. */
export const catalogsStep = {
  name: '服务目录（由计划文本导入）',
  async run() {
    for (const { orgId, file } of DEMO_CATALOG_PLANS) {
      const catalog = await publishPlanFile(orgId, file);
      if (orgId === 'enterprise' && !catalog.entries.some((e) => e.tier === '商惠')) {
        console.warn(`  warning: ${file} yielded no 商惠 entry for the demo enterprise catalog`);
      }
    }
  },
};
