import type { OrgKind, RoleGrant } from '@union/shared';

/** The demo world `npm start` and the e2e tests seed (PRODUCT.md "Demo data"). */
export const DEMO_ORGS: Array<{ orgId: string; name: string; kind: OrgKind; parentId: string | null; area: string | null }> = [
  { orgId: 'city', name: '云溪市总工会', kind: 'city', parentId: null, area: null },
  { orgId: 'district', name: '云溪市临江区总工会', kind: 'district', parentId: 'city', area: '临江区' },
  { orgId: 'enterprise', name: '临江精密机械有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' },
  { orgId: 'logistics', name: '临江区快递物流行业联合工会', kind: 'joint', parentId: 'district', area: '临江区' },
];

export interface DemoIdentity {
  userId: string;
  displayName: string;
  description: string;
  grants: RoleGrant[];
}

export const DELEGATE_COUNT = 36;

export const DEMO_IDENTITIES: DemoIdentity[] = [
  {
    userId: 'officer-district',
    displayName: '周建华',
    description: '区总工会干部（可管理区内所有工会）',
    grants: [{ role: 'officer', orgId: 'district' }],
  },
  {
    userId: 'officer-enterprise',
    displayName: '李晓梅',
    description: '企业工会干部（临江精密机械）',
    grants: [{ role: 'officer', orgId: 'enterprise' }],
  },
  { userId: 'member-courier', displayName: '王小军', description: '快递员会员（八大群体）', grants: [] },
  { userId: 'member-migrant', displayName: '张德福', description: '农民工会员', grants: [] },
  { userId: 'verifier', displayName: '陈静', description: '核验员（区总工会）', grants: [{ role: 'verifier', orgId: 'district' }] },
  // Bound to the demo merchant by the merchants step (scripts/seed/merchants.ts), which grants the role.
  { userId: 'merchant-staff', displayName: '刘芳', description: '商户店员（临江惠民超市，商惠核验）', grants: [] },
  { userId: 'newcomer', displayName: '新职工', description: '尚未入会的职工（体验扫码入会）', grants: [] },
  ...Array.from({ length: DELEGATE_COUNT }, (_, i) => ({
    userId: `delegate-${String(i + 1).padStart(2, '0')}`,
    displayName: `代表${String(i + 1).padStart(2, '0')}`,
    description: `职工代表（企业工会第${i + 1}号代表）`,
    grants: [] as RoleGrant[],
  })),
];
