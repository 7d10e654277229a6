import type { OfficerFacts, QuotaState } from '@union/shared';
import type { CatalogVersion } from '@union/shared/contracts/catalog-publish.contract';
import { batchGetItems, type ItemKey } from './batch-get';
import { officerFactsOf } from './card.repository';
import { type LatestProbe, latestProbe, readLatestCopies, resolveLatestProbe } from './catalog.repository';
import { clearCatalogCache, heldLatest } from './catalog-cache';
import { type MemberClaimMark, memberClaimsOf, quotaUseOf } from './claim.repository';
import { memberClaimsKey, orgQuotasKey } from './entities/claim.entity';
import { type RecordedProgress, recordedProgressOf } from './entities/project-progress.entity';
import { type ActiveMember, activeMemberFrom } from './membership.repository';
import { pointerFromStored, userMembershipKey } from './membership-pointer';
import { tableName } from './table';

/**
 * What a member's benefits and a claim start from, read together: the member's own items and, for
 * each org of their lineage, its latest catalog and its quota counters of the period — one
 * BatchGetItem when this process has served the member's org before, two otherwise.
 *
 * - USER#id / MEMBERSHIP (the active membership with its lineage), USER#id / OFFICERFACTS, and
 *   USER#id / CLAIMS#period (the member's claims of the period: claim.entity.ts);
 * - per lineage org: its latest catalog — the counter, when the version last seen as the latest is in
 *   memory (catalog-cache.ts: versions are immutable), else the latest copy — and QUOTAS#org / PERIOD#period.
 *
 * The lineage is not known before the membership is read, but orgs never move: the lineage of the
 * org the session names (the member grant's org) is kept in memory once a membership has shown it,
 * and its org keys go in the first batch. The answer rests on what the store says in that batch: when
 * the membership names another org (a transfer since the token), or a counter names a version not in
 * memory (a publish since), a second BatchGetItem reads what is missing — at most two round trips.
 */

const MAX_LINEAGES = 4096;
/** orgId → its lineage's org ids, root first (scoped to the table, as the catalog cache is). */
const lineages = new Map<string, string[]>();
const scoped = (orgId: string) => `${process.env.DYNAMODB_ENDPOINT ?? ''}|${tableName()}|${orgId}`;

const rememberLineage = (member: ActiveMember): void => {
  const ids = member.lineage.map((o) => o.orgId);
  const key = scoped(member.membership.orgId);
  if (lineages.has(key)) return;
  lineages.set(key, ids);
  if (lineages.size > MAX_LINEAGES) lineages.delete(lineages.keys().next().value as string);
};

/** Forgets the lineages and catalogs held in memory, as a fresh process starts (tests). */
export const clearReadCaches = (): void => {
  lineages.clear();
  clearCatalogCache();
};

/**
 * Whether the org's quota item of the period matters for its catalog: it holds the quota counters and
 * the 实事 progress (entities/project-progress.entity.ts), kept for entries with a quota or facilities.
 */
const countsQuota = (c: CatalogVersion): boolean =>
  c.entries.some((e) => e.benefit.quota !== undefined || (e.benefit.facilities?.length ?? 0) > 0);

const factsKey = (userId: string): ItemKey => ({ pk: `USER#${userId}`, sk: 'OFFICERFACTS' });

const memberOf = async (item: Record<string, unknown> | undefined): Promise<ActiveMember | null> =>
  item ? activeMemberFrom(pointerFromStored(item)) : null;

export interface MemberBenefitsRead {
  member: ActiveMember;
  facts: OfficerFacts;
  /** The latest catalog of each lineage org that published one, root first. */
  catalogs: CatalogVersion[];
  /** Quota use of the lineage's counted benefits in the period, by benefit key. */
  quota: Map<string, QuotaState>;
  /** The member's claims (pending or approved) of the period, by benefit key. */
  myClaims: Map<string, MemberClaimMark>;
  /** The latest recorded 实事 progress of the lineage's counted entries, by benefit key (from the same items as `quota`). */
  progress: Map<string, RecordedProgress>;
}

/**
 * The member's benefits read (above); null when the account holds no active membership. `orgHint`:
 * the org the session names for the member, whose lineage's keys go in the first batch if known.
 */
export const readMemberBenefits = async (userId: string, period: string, orgHint?: string): Promise<MemberBenefitsRead | null> => {
  const guess = orgHint ? (lineages.get(scoped(orgHint)) ?? []) : [];
  const probes = guess.map((orgId) => latestProbe(orgId));
  // An org's counters matter only for the counted benefits of its latest catalog: not read in the
  // first batch for an org whose latest (as held) counts none; read in the second if a publish since adds one.
  const quotaGuess = guess.filter((orgId) => {
    const held = heldLatest(orgId);
    return held === undefined || (held !== null && countsQuota(held));
  });
  const own = [userMembershipKey(userId), factsKey(userId), memberClaimsKey(userId, period)];
  const first = await batchGetItems([...own, ...probes.map((p) => p.key), ...quotaGuess.map((orgId) => orgQuotasKey(orgId, period))], {
    consistent: true,
  });
  const member = await memberOf(first[0]);
  if (!member) return null;
  rememberLineage(member);

  const lineage = member.lineage.map((o) => o.orgId);
  const catalogs = new Map<string, CatalogVersion | null>();
  const quota = new Map<string, QuotaState>();
  const progress = new Map<string, RecordedProgress>();
  const readCounters = (item: Record<string, unknown> | undefined) => {
    for (const [key, state] of quotaUseOf(item)) quota.set(key, state);
    for (const [key, p] of recordedProgressOf(item)) progress.set(key, p);
  };
  const quotasRead = new Set<string>();
  probes.forEach((probe: LatestProbe, i) => {
    const { catalog } = resolveLatestProbe(probe, first[own.length + i]);
    if (catalog !== undefined) catalogs.set(probe.orgId, catalog);
  });
  quotaGuess.forEach((orgId, i) => {
    quotasRead.add(orgId);
    readCounters(first[own.length + probes.length + i]);
  });

  // The second batch, only for what the first could not answer.
  const copies = lineage.filter((orgId) => !catalogs.has(orgId));
  const counters = lineage.filter((orgId) => {
    if (quotasRead.has(orgId)) return false;
    const catalog = catalogs.get(orgId);
    return catalog === undefined || (catalog !== null && countsQuota(catalog));
  });
  if (copies.length > 0 || counters.length > 0) {
    const [latest, items] = await Promise.all([
      copies.length > 0 ? readLatestCopies(copies) : new Map<string, CatalogVersion | null>(),
      counters.length > 0 ? batchGetItems(counters.map((orgId) => orgQuotasKey(orgId, period))) : [],
    ]);
    for (const [orgId, catalog] of latest) catalogs.set(orgId, catalog);
    for (const item of items) readCounters(item);
  }

  return {
    member,
    facts: officerFactsOf(first[1]),
    catalogs: lineage.flatMap((orgId) => catalogs.get(orgId) ?? []),
    quota,
    myClaims: memberClaimsOf(first[2]),
    progress,
  };
};

export interface ClaimContext {
  member: ActiveMember;
  facts: OfficerFacts;
  /** The number of the latest version of the benefit's org (null: it published nothing). */
  latestVersion: number | null;
  /** The version the benefit id names, when this read has it (the latest copy, or memory). */
  named: CatalogVersion | undefined;
}

/**
 * What a claim decides on, in one BatchGetItem (strongly consistent): the member's membership and
 * facts, and whether the version `ref` names is the latest of its org — the counter, when that version
 * is in memory, else the latest copy. null when the account holds no active membership.
 */
export const readClaimContext = async (userId: string, ref: { orgId: string; version: number } | null): Promise<ClaimContext | null> => {
  const probe = ref ? latestProbe(ref.orgId, ref.version) : null;
  const [pointer, facts, latestItem] = await batchGetItems([userMembershipKey(userId), factsKey(userId), ...(probe ? [probe.key] : [])], {
    consistent: true,
  });
  const member = await memberOf(pointer);
  if (!member) return null;
  rememberLineage(member);
  const latest = probe ? resolveLatestProbe(probe, latestItem) : { version: null, catalog: null };
  const named = ref && latest.catalog?.version === ref.version ? latest.catalog : undefined;
  return { member, facts: officerFactsOf(facts), latestVersion: latest.version, named };
};
