/** 组织 kinds, top to bottom: 市总工会 → 区/县总工会 → 基层工会 / 联合工会. */
export const ORG_KINDS = ['city', 'district', 'grassroots', 'joint'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市总工会',
  district: '区（县）总工会',
  grassroots: '基层工会',
  joint: '联合工会',
};

export interface Org {
  orgId: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** Ancestor ids, root first, excluding the org itself: the materialised path. */
  ancestors: string[];
  /** Area for finding a 联合工会 near a worker whose employer has no union. */
  area: string | null;
}

/** Root-first lineage including the org itself: what catalogs and officer checks need. */
export const lineageOf = (org: Pick<Org, 'orgId' | 'ancestors'>): string[] => [...org.ancestors, org.orgId];

/** Whether `descendant` is `ancestorId` itself or lies below it. */
export const isWithin = (descendant: Pick<Org, 'orgId' | 'ancestors'>, ancestorId: string): boolean =>
  lineageOf(descendant).includes(ancestorId);

/** Children may only hang below an org of a higher level (a grassroots union has no children). */
export const canParent = (parent: OrgKind, child: OrgKind): boolean => {
  const order: Record<OrgKind, number> = { city: 0, district: 1, grassroots: 2, joint: 2 };
  return order[child] > order[parent] && parent !== 'grassroots' && parent !== 'joint';
};
