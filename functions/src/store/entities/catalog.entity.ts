import type { PublishedBenefit } from '@union/shared/contracts/catalog-publish.contract';
import type { PlanDocument } from '@union/shared/domain/plan-import/types';
import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/** v1 → "v00001": sort keys order versions numerically. */
export const versionKey = (version: number): string => `v${String(version).padStart(5, '0')}`;

/** What a version holds beside its keys: the version item and its copies (latest, of a plan year) alike. */
const versionBody = () => ({
  publishedAt: string(),
  publishedBy: map({ userId: string(), displayName: string() }),
  document: any().castAs<PlanDocument>(),
  entries: any().castAs<PublishedBenefit[]>(),
  entryCount: number(),
  sourceChars: number(),
});

/**
 * A published 服务目录 version of an org: immutable once written (put only with
 * attribute_not_exists; nothing ever updates or deletes it). Access patterns:
 * - get version n of an org — pk CATALOG#orgId, sk v0000n
 * - list an org's versions, newest first — query pk CATALOG#orgId, sk begins_with "v", descending
 *   (the latest alone: CatalogLatestEntity)
 * - a benefit by id (`${orgId}.v${n}.${i}`) — the id names its version item; the entry is read from it
 */
export const CatalogVersionEntity = once(
  () =>
    new Entity({
      name: 'CatalogVersion',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        version: number().key(),
        ...versionBody(),
      }),
      computeKey: ({ orgId, version }) => ({ pk: `CATALOG#${orgId}`, sk: versionKey(version) }),
    }),
);

/**
 * A copy of the org's latest version, written in the publish transaction with the version itself
 * (put only over an older one), so that what members read — the latest version of each org of
 * their lineage — is one BatchGetItem of fixed keys. Access pattern: get (in a batch over a
 * lineage) — pk CATALOG#orgId, sk LATEST.
 */
export const CatalogLatestEntity = once(
  () =>
    new Entity({
      name: 'CatalogLatest',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        version: number(),
        ...versionBody(),
      }),
      computeKey: ({ orgId }) => ({ pk: `CATALOG#${orgId}`, sk: 'LATEST' }),
    }),
);

/**
 * The latest version of an org's catalog whose plan is of a year (its document's year), a copy like
 * the latest copy: what 实事 progress, the officer's 进度 page and the year's satisfaction survey of that
 * year count, even after next year's plan is published. Written in the publish transaction (only over an
 * older version). Access pattern: get — pk CATALOG#orgId, sk YEAR#year.
 */
export const CatalogOfYearEntity = once(
  () =>
    new Entity({
      name: 'CatalogOfYear',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        year: number().key(),
        version: number(),
        ...versionBody(),
      }),
      computeKey: ({ orgId, year }) => ({ pk: `CATALOG#${orgId}`, sk: `YEAR#${year}` }),
    }),
);

/**
 * The plan text a version's quotes point into, in an item of its own (it can be large, up to
 * the contract's SOURCE_TEXT_MAX_BYTES). Access pattern: get by version — pk CATALOG#orgId, sk SOURCE#v0000n.
 */
export const CatalogSourceEntity = once(
  () =>
    new Entity({
      name: 'CatalogSource',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        version: number().key(),
        text: string(),
      }),
      computeKey: ({ orgId, version }) => ({ pk: `CATALOG#${orgId}`, sk: `SOURCE#${versionKey(version)}` }),
    }),
);

/**
 * The org's last allocated version number. Written in the same transaction as the version,
 * conditioned on the number read, so concurrent publishes get 1, 2, 3 … with no gap or
 * duplicate. Access pattern: get — pk CATALOG#orgId, sk COUNTER.
 */
export const CatalogCounterEntity = once(
  () =>
    new Entity({
      name: 'CatalogCounter',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        latest: number(),
      }),
      computeKey: ({ orgId }) => ({ pk: `CATALOG#${orgId}`, sk: 'COUNTER' }),
    }),
);
