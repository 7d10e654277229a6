import { claimPeriodOf } from '@union/shared';
import type { PublishServiceInput } from '@union/shared/contracts/catalog-publish.contract';
import { expect } from 'vitest';
import { publishCatalog } from '../../../functions/src/store/catalog.repository';
import { invoke, templateOf } from '../../support/invoke';
import { responseProblems } from '../../support/response-contract';

export const YEAR = Number(claimPeriodOf(new Date()));
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const dayOffset = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const open = { member: 'status', op: 'eq', value: 'active' } as const;

/** 实事 entries of a district's catalog: a quota (免申即享), a facility count, and one that counts nothing. */
export const PROGRESS_SERVICES: PublishServiceInput[] = [
  {
    name: '职工疗休养',
    category: '疗休养',
    tier: '普惠',
    groups: [],
    eligibility: open,
    benefit: { quota: { count: 25, unit: '名' } },
    claimMode: 'automatic',
    source: { clause: '一、1.', quote: '组织职工疗休养25名。', start: 0, end: 10 },
  },
  {
    name: '新建职工驿站',
    category: '阵地设施',
    tier: '普惠',
    groups: [],
    eligibility: open,
    benefit: { facilities: [{ kind: '职工驿站', count: 4, unit: '个' }] },
    claimMode: 'review',
    source: { clause: '一、2.', quote: '新建职工驿站4个。', start: 11, end: 20 },
  },
  {
    name: '会员观影优惠',
    category: '文体',
    tier: '普惠',
    groups: [],
    eligibility: open,
    benefit: { amountYuan: 20 },
    claimMode: 'review',
    source: { clause: '一、3.', quote: '会员观影优惠20元。', start: 21, end: 30 },
  },
];

/** Publishes the 实事 entries as the org's catalog of this year; the benefit ids in order. */
export const publishProgressCatalog = async (orgId: string, services = PROGRESS_SERVICES, year = YEAR): Promise<string[]> => {
  const catalog = await publishCatalog({
    orgId,
    request: { document: { issuer: '甲区总工会', year, number: null, title: `${year}年为职工办实事项目` }, services },
    publishedBy: { userId: 'o', displayName: '区干部' },
    now: new Date(),
  });
  return catalog.entries.map((e) => e.benefitId);
};

/**
 * `invoke` of the projects area whose every 2xx answer is held to its declared response schema
 * (responseProblems: parses, exactly), as tests/integration/security/response-schemas.test.ts does for the walked areas.
 */
export const invokeChecked: typeof invoke = async (area, method, pathWithQuery, opts) => {
  const res = await invoke(area, method, pathWithQuery, opts);
  if (res.status < 300) {
    const match = templateOf(area.routes, method, new URL(pathWithQuery, 'https://api.example.com').pathname);
    if (!match) throw new Error(`no route answers ${method} ${pathWithQuery}`);
    expect(responseProblems(match.route, res), `${method} ${match.route.path}`).toEqual([]);
  }
  return res;
};
