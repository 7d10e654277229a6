import { DomainError } from '@union/shared';
import type {
  CatalogVersion,
  CatalogVersionSummary,
  PublishCatalogRequest,
  PublishedBenefit,
} from '@union/shared/contracts/catalog-publish.contract';
import { parseBenefitId, toPublishedEntries } from '@union/shared/domain/catalog-publish/publish';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { batchGet, batchGetItems, type ItemKey } from './batch-get';
import { cachedCatalog, latestAtHand, rememberCatalog, rememberNoCatalog } from './catalog-cache';
import {
  CatalogCounterEntity,
  CatalogLatestEntity,
  CatalogOfYearEntity,
  CatalogSourceEntity,
  CatalogVersionEntity,
} from './entities/catalog.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import { UnionTable } from './table';

export type { CatalogVersion, CatalogVersionSummary, PublishedBenefit };

const versions = once(() => CatalogVersionEntity().build(EntityRepository));
const latestCopies = once(() => CatalogLatestEntity().build(EntityRepository));
const yearCopies = once(() => CatalogOfYearEntity().build(EntityRepository));
const sources = once(() => CatalogSourceEntity().build(EntityRepository));
const counters = once(() => CatalogCounterEntity().build(EntityRepository));

/** Room left in the 400 KB item for keys and attribute names. */
const VERSION_ITEM_MAX_BYTES = 390_000;
const MAX_ATTEMPTS = 40;

type VersionItem = NonNullable<Awaited<ReturnType<ReturnType<typeof versions>['get']>>['Item']>;
type LatestItem = NonNullable<Awaited<ReturnType<ReturnType<typeof latestCopies>['get']>>['Item']>;

const toVersion = (i: VersionItem | LatestItem): CatalogVersion => ({
  orgId: i.orgId,
  version: i.version,
  publishedAt: i.publishedAt,
  publishedBy: i.publishedBy,
  document: i.document,
  entryCount: i.entryCount,
  sourceChars: i.sourceChars,
  entries: i.entries,
});

const SUMMARY_ATTRIBUTES = ['orgId', 'version', 'publishedAt', 'publishedBy', 'document', 'entryCount', 'sourceChars'] as const;

const toSummary = (i: Pick<VersionItem, (typeof SUMMARY_ATTRIBUTES)[number]>): CatalogVersionSummary => ({
  orgId: i.orgId,
  version: i.version,
  publishedAt: i.publishedAt,
  publishedBy: i.publishedBy,
  document: i.document,
  entryCount: i.entryCount,
  sourceChars: i.sourceChars,
});

const isRetryable = (e: unknown): boolean => {
  const name = (e as { name?: string })?.name;
  return isConditionFailure(e) || name === 'TransactionConflictException' || name === 'TransactionInProgressException';
};

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Publishes a validated request as the org's next version. The number is allocated in the
 * write itself: counter (conditioned on the value read) + version + the latest copy + plan text go
 * in one transaction, each version put only if absent, so concurrent publishes never share a number,
 * never leave a gap and never overwrite; a lost race re-reads and tries the next number.
 */
export const publishCatalog = async (input: {
  orgId: string;
  request: PublishCatalogRequest;
  publishedBy: { userId: string; displayName: string };
  now: Date;
}): Promise<CatalogVersion> => {
  const { orgId, request } = input;
  const text = request.sourceText ?? '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { Item: counter } = await counters().get({ orgId }, { consistent: true });
    const previous = counter?.latest ?? 0;
    const version = previous + 1;
    const entries = toPublishedEntries(request, orgId, version);
    const catalog: CatalogVersion = {
      orgId,
      version,
      publishedAt: input.now.toISOString(),
      publishedBy: input.publishedBy,
      document: request.document,
      entryCount: entries.length,
      sourceChars: text.length,
      entries,
    };
    const bytes = Buffer.byteLength(JSON.stringify(catalog), 'utf8');
    if (bytes > VERSION_ITEM_MAX_BYTES) {
      throw new DomainError('CATALOG_TOO_LARGE', `目录内容过大（${Math.ceil(bytes / 1024)} KB），请精简条目或原文引用后再发布`, {
        field: 'services',
        details: { bytes, maxBytes: VERSION_ITEM_MAX_BYTES },
      });
    }
    const { entries: _e, ...meta } = catalog;
    const writes = [
      CatalogCounterEntity()
        .build(PutTransaction)
        .item({ orgId, latest: version })
        .options({ condition: previous === 0 ? { attr: 'latest', exists: false } : { attr: 'latest', eq: previous } }),
      CatalogVersionEntity()
        .build(PutTransaction)
        .item({ ...meta, entries })
        .options({ condition: { attr: 'orgId', exists: false } }),
      CatalogLatestEntity()
        .build(PutTransaction)
        .item({ ...meta, entries })
        .options({
          condition: {
            or: [
              { attr: 'version', exists: false },
              { attr: 'version', lt: version },
            ],
          },
        }),
      ...(request.document.year !== null
        ? [
            CatalogOfYearEntity()
              .build(PutTransaction)
              .item({ ...meta, year: request.document.year, entries })
              .options({
                condition: {
                  or: [
                    { attr: 'version', exists: false },
                    { attr: 'version', lt: version },
                  ],
                },
              }),
          ]
        : []),
      ...(text
        ? [
            CatalogSourceEntity()
              .build(PutTransaction)
              .item({ orgId, version, text })
              .options({ condition: { attr: 'orgId', exists: false } }),
          ]
        : []),
    ];
    try {
      await execute(...writes);
      return catalog;
    } catch (e) {
      if (!isRetryable(e)) throw e;
      // Someone else took this number: back off a little (more after each loss) and take the next.
      await pause(5 + Math.random() * Math.min(200, 15 * (attempt + 1)));
    }
  }
  throw new DomainError('CATALOG_PUBLISH_BUSY', '同时发布的目录太多，请稍后重试');
};

/** Version `version` of an org's catalog, or null. Versions are never removed, so this reads old ones too. */
export const getCatalogVersion = async (orgId: string, version: number): Promise<CatalogVersion | null> => {
  const { Item } = await versions().get({ orgId, version });
  if (!Item) return null;
  const catalog = toVersion(Item);
  rememberCatalog(catalog, { latest: false });
  return catalog;
};

export const requireCatalogVersion = async (orgId: string, version: number): Promise<CatalogVersion> => {
  const catalog = await getCatalogVersion(orgId, version);
  if (!catalog) throw new DomainError('CATALOG_VERSION_NOT_FOUND', `该组织没有第 ${version} 版服务目录`, { field: 'version' });
  return catalog;
};

/** The plan text kept with a version ('' when it was published without one), or null when the version does not exist. */
export const getCatalogSource = async (orgId: string, version: number): Promise<string | null> => {
  const [{ Item: source }, catalog] = await Promise.all([sources().get({ orgId, version }), versions().get({ orgId, version })]);
  if (!catalog.Item) return null;
  return source?.text ?? '';
};

/** Every version of an org, newest first, without their entries (all pages). */
export const listCatalogVersions = async (orgId: string): Promise<CatalogVersionSummary[]> => {
  const { Items = [] } = await versions().query(
    { partition: `CATALOG#${orgId}`, range: { beginsWith: 'v' } },
    { reverse: true, attributes: [...SUMMARY_ATTRIBUTES], ...ALL_PAGES },
  );
  return Items.map(toSummary);
};

/**
 * A page of an org's versions, newest first, without their entries. A version item can be
 * close to 400 KB and DynamoDB stops a read at 1 MB (before the projection), so a page may come
 * back shorter than `limit`, with a cursor.
 */
export const pageCatalogVersions = async (orgId: string, req: PageRequest): Promise<Page<CatalogVersionSummary>> => {
  const partition = `CATALOG#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await versions().query(
    { partition, range: { beginsWith: 'v' } },
    {
      reverse: true,
      attributes: [...SUMMARY_ATTRIBUTES],
      limit: limitOf(req),
      exclusiveStartKey: startKeyOf(req.cursor, 'table', partition, 'v'),
    },
  );
  return { items: Items.map(toSummary), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** The org's latest published version, or null before its first publish (its latest copy: one GetItem). */
export const getLatestCatalog = async (orgId: string): Promise<CatalogVersion | null> => {
  const { Item } = await latestCopies().get({ orgId });
  return Item ? toVersion(Item) : null;
};

/**
 * The latest version of the org's catalog whose plan is of `year` (entities/catalog.entity.ts,
 * CatalogOfYear), or null: one GetItem.
 */
export const getCatalogOfYear = async (orgId: string, year: number): Promise<CatalogVersion | null> => {
  const { Item } = await yearCopies().get({ orgId, year });
  return Item ? toVersion(Item) : null;
};

/** The key of an org's catalog of a year, for a read that gathers it with other items (a BatchGetItem). */
export const catalogOfYearKey = (orgId: string, year: number): ItemKey => ({ pk: `CATALOG#${orgId}`, sk: `YEAR#${year}` });

/** A catalog copy read raw (a BatchGetItem of `catalogOfYearKey`s) as a version. */
export const catalogFromCopy = (item: Record<string, unknown>): CatalogVersion => toVersion(item as LatestItem);

/**
 * What a member reads: the latest version of each org in `lineage` (root-first org ids), root
 * first; orgs that never published are left out. One BatchGetItem of the orgs' latest copies.
 */
export const getEffectiveCatalogs = async (lineage: string[]): Promise<CatalogVersion[]> => {
  if (lineage.length === 0) return [];
  const { Responses } = await batchGet(
    UnionTable.build(BatchGetCommand).requests(...lineage.map((orgId) => CatalogLatestEntity().build(BatchGetRequest).key({ orgId }))),
  );
  return Responses[0].filter((c): c is LatestItem => c !== undefined).map(toVersion);
};

/**
 * How a read that gathers several kinds of item in one BatchGetItem (benefits-read.ts) asks for an
 * org's latest catalog: its counter (a few bytes) when the version last seen as the latest is held
 * in memory (catalog-cache.ts), else its latest copy (the whole version). `version`: ask about that
 * version instead (a claim's benefit id names one): the counter when that one is held.
 */
export interface LatestProbe {
  orgId: string;
  kind: 'counter' | 'copy';
  key: ItemKey;
}

export const latestProbe = (orgId: string, version?: number): LatestProbe =>
  (version === undefined ? latestAtHand(orgId) : cachedCatalog(orgId, version) !== undefined)
    ? { orgId, kind: 'counter', key: { pk: `CATALOG#${orgId}`, sk: 'COUNTER' } }
    : { orgId, kind: 'copy', key: { pk: `CATALOG#${orgId}`, sk: 'LATEST' } };

/**
 * What a probe's item says: the number of the org's latest version (null: none published) and the
 * version itself when it is at hand (`undefined`: the counter names one this process has not read —
 * read its copy, `readLatestCopies`). A copy read is kept in memory.
 */
export const resolveLatestProbe = (
  probe: LatestProbe,
  item: Record<string, unknown> | undefined,
): { version: number | null; catalog: CatalogVersion | null | undefined } => {
  if (probe.kind === 'copy') {
    if (!item) {
      rememberNoCatalog(probe.orgId);
      return { version: null, catalog: null };
    }
    const catalog = toVersion(item as LatestItem);
    rememberCatalog(catalog, { latest: true });
    return { version: catalog.version, catalog };
  }
  const version = typeof item?.latest === 'number' ? item.latest : null;
  if (version === null) {
    rememberNoCatalog(probe.orgId);
    return { version: null, catalog: null };
  }
  const catalog = cachedCatalog(probe.orgId, version);
  if (catalog) rememberCatalog(catalog, { latest: true });
  return { version, catalog };
};

/** The orgs' latest copies in one BatchGetItem (kept in memory); null for an org that published nothing. */
export const readLatestCopies = async (orgIds: readonly string[]): Promise<Map<string, CatalogVersion | null>> => {
  const probes = orgIds.map((orgId): LatestProbe => ({ orgId, kind: 'copy', key: { pk: `CATALOG#${orgId}`, sk: 'LATEST' } }));
  const items = await batchGetItems(probes.map((p) => p.key));
  return new Map(probes.map((p, i) => [p.orgId, resolveLatestProbe(p, items[i]).catalog ?? null]));
};

/** One published entry by its id (`${orgId}.v${n}.${i}`), or null. */
export const getBenefit = async (benefitId: string): Promise<PublishedBenefit | null> => {
  const ref = parseBenefitId(benefitId);
  if (!ref) return null;
  const catalog = await getCatalogVersion(ref.orgId, ref.version);
  return catalog?.entries.find((e) => e.benefitId === benefitId) ?? null;
};
