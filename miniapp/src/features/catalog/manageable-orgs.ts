import type { OrgKind } from '@union/shared';
import { allPages } from '../../lib/api';
import { catalogApi } from './catalog-api';

export interface OrgChoice {
  orgId: string;
  name: string;
  kind: OrgKind;
}

/** The orgs an officer may publish for: each org of an officer grant and the orgs right below it. */
export const manageableOrgs = async (officerOrgIds: string[]): Promise<OrgChoice[]> => {
  const seen = new Map<string, OrgChoice>();
  for (const orgId of officerOrgIds) {
    const [{ org }, orgs] = await Promise.all([
      catalogApi.org(orgId),
      allPages(async (cursor) => {
        const page = await catalogApi.children(orgId, cursor);
        return { items: page.orgs, nextCursor: page.nextCursor };
      }),
    ]);
    for (const o of [org, ...orgs]) if (!seen.has(o.orgId)) seen.set(o.orgId, { orgId: o.orgId, name: o.name, kind: o.kind });
  }
  return [...seen.values()];
};
