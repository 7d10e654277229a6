import { DomainError, idSchema, lineageOf, pageQuery } from '@union/shared';
import { catalogCompareQuery, catalogVersionParams, publishCatalogRequest } from '@union/shared/contracts/catalog-publish.contract';
import { diffCatalogEntries } from '@union/shared/domain/catalog-publish/diff';
import { parsePublishRequest } from '@union/shared/domain/catalog-publish/publish';
import * as z from 'zod/mini';
import {
  getCatalogSource,
  getCatalogVersion,
  getEffectiveCatalogs,
  pageCatalogVersions,
  publishCatalog,
  requireCatalogVersion,
} from '../../store/catalog.repository';
import { getLineage, requireOrg } from '../../store/org.repository';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';

registerStatuses({
  SOURCE_TEXT_TOO_LARGE: 413,
  CATALOG_TOO_LARGE: 413,
  CATALOG_PUBLISH_BUSY: 503,
  MEMBER_ORG_NOT_FOUND: 404,
  CURSOR_INVALID: 400,
});

const orgParams = z.object({ orgId: idSchema });

/** The latest version of the org and of each ancestor, root first, each named by its org. */
const effectiveFor = async (orgId: string) => {
  const lineage = await getLineage(orgId);
  const names = new Map(lineage.map((o) => [o.orgId, o.name]));
  const catalogs = await getEffectiveCatalogs(lineageOf(lineage.at(-1)!));
  return {
    orgId,
    lineage: lineage.map((o) => ({ orgId: o.orgId, name: o.name, kind: o.kind })),
    catalogs: catalogs.map((c) => ({ ...c, orgName: names.get(c.orgId) ?? c.orgId })),
  };
};

export const catalogRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/catalogs',
    access: ['officer'],
    params: orgParams,
    // Validated in the handler with parsePublishRequest (the shared contract), whose messages
    // name the entry and field ("第 3 项服务的类别：不能为空") rather than the generic labels.
    body: z.unknown(),
    bodyContract: publishCatalogRequest,
    async handle({ params, body, session, requireRoleOver, now }) {
      await requireRoleOver('officer', params.orgId);
      const request = parsePublishRequest(body);
      const catalog = await publishCatalog({
        orgId: params.orgId,
        request,
        publishedBy: { userId: session.userId, displayName: session.displayName },
        now,
      });
      return { status: 201, body: { catalog } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/catalogs',
    access: 'signedIn',
    params: orgParams,
    query: pageQuery,
    async handle({ params, query }) {
      await requireOrg(params.orgId);
      const page = await pageCatalogVersions(params.orgId, query);
      return { body: { versions: page.items, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/catalogs/{version}',
    access: 'signedIn',
    params: catalogVersionParams,
    async handle({ params }) {
      return { body: { catalog: await requireCatalogVersion(params.orgId, params.version) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/catalogs/{version}/source',
    access: 'signedIn',
    params: catalogVersionParams,
    async handle({ params }) {
      const text = await getCatalogSource(params.orgId, params.version);
      if (text === null) {
        throw new DomainError('CATALOG_VERSION_NOT_FOUND', `该组织没有第 ${params.version} 版服务目录`, { field: 'version' });
      }
      return { body: { orgId: params.orgId, version: params.version, text } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/catalog-compare',
    // 版本对比: officers of the org or above it. Both versions are read beside the officer check.
    access: ['officer'],
    params: orgParams,
    query: catalogCompareQuery,
    async handle({ params, query, requireRoleOver }) {
      const versions = readAhead(
        Promise.all([getCatalogVersion(params.orgId, query.fromVersion), getCatalogVersion(params.orgId, query.toVersion)]),
      );
      await requireRoleOver('officer', params.orgId);
      const [from, to] = await versions;
      for (const [v, field, n] of [
        [from, 'fromVersion', query.fromVersion],
        [to, 'toVersion', query.toVersion],
      ] as const) {
        if (!v) throw new DomainError('CATALOG_VERSION_NOT_FOUND', `该组织没有第 ${n} 版服务目录`, { field });
      }
      const { entries: fromEntries, ...fromSummary } = from!;
      const { entries: toEntries, ...toSummary } = to!;
      const diff = diffCatalogEntries(fromEntries, toEntries);
      return {
        body: {
          orgId: params.orgId,
          from: fromSummary,
          to: toSummary,
          added: diff.added,
          removed: diff.removed,
          changed: diff.changed,
          unchangedCount: diff.unchanged.length,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/effective-catalogs',
    access: 'signedIn',
    params: orgParams,
    async handle({ params }) {
      return { body: await effectiveFor(params.orgId) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/catalogs',
    access: 'signedIn',
    async handle({ session }) {
      // A member reads the catalogs of the org they belong to; anyone else those of their first grant's org.
      const grant = session.roles.find((r) => r.role === 'member') ?? session.roles[0];
      if (!grant) throw new DomainError('MEMBER_ORG_NOT_FOUND', '您尚未加入工会，暂无可享受的服务目录');
      return { body: await effectiveFor(grant.orgId) };
    },
  }),
];
