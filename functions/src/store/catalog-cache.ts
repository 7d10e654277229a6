import type { CatalogVersion } from '@union/shared/contracts/catalog-publish.contract';
import { tableName } from './table';

/**
 * Published catalog versions kept in the Lambda's memory. A version is immutable once published (put
 * only if absent; nothing updates or deletes it), so a copy read once stays true for the life of the
 * process. Which version is an org's latest can change at any moment, so readers still read it from
 * the store on every request — the org's counter (CATALOG#org / COUNTER, a few bytes, written in the
 * publish transaction with the version and its latest copy) — and take the version from here only
 * when it is the one the counter names. Bounded: past MAX_VERSIONS the least recently used goes.
 */
const MAX_VERSIONS = 64;
const MAX_ORGS = 4096;

const versions = new Map<string, CatalogVersion>();
/** orgId → the latest version last read from the store (0: the org had published nothing). */
const latestSeen = new Map<string, number>();

/** Which table the entries came from (a process that points at another table — the bench, tests — starts afresh). */
const scope = () => `${process.env.DYNAMODB_ENDPOINT ?? ''}|${tableName()}|`;
const keyOf = (orgId: string, version: number) => `${scope()}${orgId}#${version}`;
const orgKey = (orgId: string) => `${scope()}${orgId}`;

/** Inserts or refreshes `key` as the most recently used, dropping the least recently used past `max`. */
const touch = <V>(map: Map<string, V>, key: string, value: V, max: number): void => {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
};

/** Version `version` of the org's catalog, if this process has read it. */
export const cachedCatalog = (orgId: string, version: number): CatalogVersion | undefined => {
  const key = keyOf(orgId, version);
  const found = versions.get(key);
  if (found) touch(versions, key, found, MAX_VERSIONS);
  return found;
};

/** Keeps a version read from the store; `latest`: it was the org's latest when read. */
export const rememberCatalog = (catalog: CatalogVersion, opts: { latest: boolean }): void => {
  touch(versions, keyOf(catalog.orgId, catalog.version), catalog, MAX_VERSIONS);
  if (opts.latest) touch(latestSeen, orgKey(catalog.orgId), catalog.version, MAX_ORGS);
};

/** The org had published no catalog when read. */
export const rememberNoCatalog = (orgId: string): void => touch(latestSeen, orgKey(orgId), 0, MAX_ORGS);

/**
 * The org's latest version as last read: the version (held here), null when it had published
 * nothing, undefined when this process does not know (never read, or the version since dropped).
 */
export const heldLatest = (orgId: string): CatalogVersion | null | undefined => {
  const seen = latestSeen.get(orgKey(orgId));
  if (seen === undefined) return undefined;
  return seen === 0 ? null : versions.get(keyOf(orgId, seen));
};

/**
 * Whether the org's latest version, as last read, is at hand (held here, or none published): then a
 * reader need only read the counter to know whether it still is.
 */
export const latestAtHand = (orgId: string): boolean => heldLatest(orgId) !== undefined;

/** Forgets everything (tests: a fresh table per file in one process). */
export const clearCatalogCache = (): void => {
  versions.clear();
  latestSeen.clear();
};
