import type { OrgKind } from '@union/shared';
import type { PublishCatalogRequest } from '@union/shared/contracts/catalog-publish.contract';
import type {
  CatalogCompareResponse,
  CatalogVersion,
  catalogDraftResponse,
  catalogSourceResponse,
  catalogVersionListResponse,
  EffectiveCatalogsResponse,
} from '@union/shared/contracts/catalog-responses.contract';
import type * as z from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';

export const catalogApi = {
  draft: (orgId: string, text: string) => api.post<z.infer<typeof catalogDraftResponse>>(`/orgs/${orgId}/catalog-drafts`, { text }),
  publish: (orgId: string, request: PublishCatalogRequest) => api.post<{ catalog: CatalogVersion }>(`/orgs/${orgId}/catalogs`, request),
  /** A page of the org's versions, newest first. */
  versions: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof catalogVersionListResponse>>(withPage(`/orgs/${orgId}/catalogs`, cursor)),
  version: (orgId: string, version: number) => api.get<{ catalog: CatalogVersion }>(`/orgs/${orgId}/catalogs/${version}`),
  source: (orgId: string, version: number) => api.get<z.infer<typeof catalogSourceResponse>>(`/orgs/${orgId}/catalogs/${version}/source`),
  /** 版本对比: what changed from version `from` to version `to`. */
  compare: (orgId: string, from: number, to: number) =>
    api.get<CatalogCompareResponse>(`/orgs/${orgId}/catalog-compare?fromVersion=${from}&toVersion=${to}`),
  mine: () => api.get<EffectiveCatalogsResponse>('/me/catalogs'),
  org: (orgId: string) => api.get<{ org: { orgId: string; name: string; kind: OrgKind } }>(`/orgs/${orgId}`),
  children: (orgId: string, cursor: string | null = null) =>
    api.get<{ orgs: Array<{ orgId: string; name: string; kind: OrgKind }>; nextCursor: string | null }>(
      withPage(`/orgs/${orgId}/children`, cursor),
    ),
};

const MESSAGES: Record<string, string> = {
  FORBIDDEN_ORG: '您只能管理本组织及下级组织的服务目录',
  FORBIDDEN_ROLE: '只有工会干部可以导入和发布服务目录',
  MEMBER_ORG_NOT_FOUND: '您尚未加入工会，暂无可享受的服务目录',
  CATALOG_PUBLISH_BUSY: '同时发布的目录太多，请稍后再试',
  CURSOR_INVALID: '列表已变化，请刷新后重新加载',
  NETWORK: '网络连接失败，请检查网络后重试',
};

/** The words to show for a failed catalog request (the server's own message where it names a field or size). */
export const catalogErrorText = (e: unknown): string => {
  if (e instanceof ApiError) return MESSAGES[e.code] ?? e.message;
  return e instanceof Error ? e.message : '操作失败，请重试';
};
