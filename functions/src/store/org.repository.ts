import { canParent, DomainError, lineageOf, type Org, type OrgKind } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { OrgEntity } from './entities/org.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { jointSearchKeyTxs } from './org-search.repository';
import { limitOf, nextCursorOf, type Page, type PageRequest, type StartKey, startKeyOf } from './page';
import { runTransaction, TransactionRefused } from './transactions';

const orgs = once(() => OrgEntity().build(EntityRepository));

export type OrgItem = NonNullable<Awaited<ReturnType<ReturnType<typeof orgs>['get']>>['Item']>;

const toOrg = (i: OrgItem): Org => ({
  orgId: i.orgId,
  name: i.name,
  kind: i.kind,
  parentId: i.parentId ?? null,
  ancestors: i.ancestors,
  area: i.area ?? null,
});

/** An org as a lineage carries it: the rest of its `Org` follows from its place in the lineage. */
export interface OrgSummary {
  orgId: string;
  name: string;
  kind: OrgKind;
  area: string | null;
}

export const summaryOf = (o: Org | OrgSummary): OrgSummary => ({ orgId: o.orgId, name: o.name, kind: o.kind, area: o.area });

/** Stored form of a summary (DynamoDB has no null here: an absent area). */
export const storedSummary = (o: OrgSummary) => ({ orgId: o.orgId, name: o.name, kind: o.kind, ...(o.area ? { area: o.area } : {}) });

/** A root-first lineage of summaries as `Org`s (each one's parent and ancestors are those before it). */
export const orgsOfLineage = (lineage: ReadonlyArray<Omit<OrgSummary, 'area'> & { area?: string | null | undefined }>): Org[] =>
  lineage.map((o, i) => ({
    orgId: o.orgId,
    name: o.name,
    kind: o.kind,
    parentId: i > 0 ? (lineage[i - 1]?.orgId ?? null) : null,
    ancestors: lineage.slice(0, i).map((a) => a.orgId),
    area: o.area ?? null,
  }));

/** The lineage an org item carries (root first, the org last), or null on an item written before `ancestorOrgs`. */
const carriedLineage = (i: OrgItem): Org[] | null => {
  const carried = i.ancestorOrgs;
  if (!carried || carried.length !== i.ancestors.length || carried.some((a, n) => a.orgId !== i.ancestors[n])) return null;
  return [...orgsOfLineage(carried), toOrg(i)];
};

export const getOrg = async (orgId: string): Promise<Org | null> => {
  const { Item } = await orgs().get({ orgId });
  return Item ? toOrg(Item) : null;
};

export const requireOrg = async (orgId: string, field = 'orgId'): Promise<Org> => {
  const org = await getOrg(orgId);
  if (!org) throw new DomainError('ORG_NOT_FOUND', '组织不存在', { field });
  return org;
};

/**
 * The org and its ancestors, root first (the order catalogs are merged in): one read, the org item
 * carries its ancestors. An item written before it did costs a second round trip (its ancestors).
 */
export const getLineage = async (orgId: string, field = 'orgId'): Promise<Org[]> => {
  const { Item } = await orgs().get({ orgId });
  return lineageOfItem(Item, field);
};

/**
 * The lineage of an org item already read (in a BatchGetItem with other items): what it carries, or
 * — on an item written before it carried its ancestors — their reads. ORG_NOT_FOUND when absent.
 */
export const lineageOfItem = async (Item: OrgItem | undefined, field = 'orgId'): Promise<Org[]> => {
  if (!Item) throw new DomainError('ORG_NOT_FOUND', '组织不存在', { field });
  const carried = carriedLineage(Item);
  if (carried) return carried;
  const org = toOrg(Item);
  const ancestors = await Promise.all(org.ancestors.map((id) => requireOrg(id)));
  return [...ancestors, org];
};

export const createOrg = async (input: {
  orgId: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  area: string | null;
}): Promise<Org> => {
  let ancestors: string[] = [];
  let ancestorOrgs: OrgSummary[] = [];
  if (input.parentId) {
    const parentLineage = await getLineage(input.parentId, 'parentId');
    const parent = parentLineage.at(-1) as Org;
    if (!canParent(parent.kind, input.kind)) {
      throw new DomainError('ORG_KIND_MISMATCH', '上级组织不能设立该类型的下级组织', { field: 'kind' });
    }
    ancestors = lineageOf(parent);
    ancestorOrgs = parentLineage.map(summaryOf);
  } else if (input.kind !== 'city') {
    throw new DomainError('ORG_PARENT_REQUIRED', '请选择上级组织', { field: 'parentId' });
  }
  const org: Org = { orgId: input.orgId, name: input.name, kind: input.kind, parentId: input.parentId, ancestors, area: input.area };
  const item = {
    orgId: org.orgId,
    name: org.name,
    kind: org.kind,
    ancestors,
    ancestorOrgs: ancestorOrgs.map(storedSummary),
    ...(org.parentId ? { parentId: org.parentId, gsi1pk: `ORGCHILD#${org.parentId}`, gsi1sk: org.name } : {}),
    ...(org.area ? { area: org.area, gsi2pk: `ORGAREA#${org.area}`, gsi2sk: org.orgId } : {}),
  };
  try {
    if (org.kind === 'joint') {
      // A 联合工会 and its search keys are written together (store/org-search.repository.ts).
      await runTransaction(async () => [
        {
          label: 'org',
          tx: OrgEntity()
            .build(PutTransaction)
            .item(item)
            .options({ condition: { attr: 'orgId', exists: false } }),
        },
        ...jointSearchKeyTxs(org),
      ]);
    } else {
      await orgs().put(item, { condition: { attr: 'orgId', exists: false } });
    }
  } catch (e) {
    if (isConditionFailure(e) || (e instanceof TransactionRefused && e.failed.includes('org'))) {
      throw new DomainError('ORG_EXISTS', '组织已存在', { field: 'orgId' });
    }
    throw e;
  }
  return org;
};

/** A page of an org's children, by name. */
export const listChildrenPage = async (parentId: string, req: PageRequest): Promise<Page<Org>> => {
  const partition = `ORGCHILD#${parentId}`;
  const { Items = [], LastEvaluatedKey } = await orgs().query(
    { index: 'gsi1', partition },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toOrg), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** Every child of an org (all pages). */
export const listChildren = async (parentId: string): Promise<Org[]> => {
  const out: Org[] = [];
  for await (const child of childrenOf(parentId)) out.push(child);
  return out;
};

const CHILDREN_PAGE = 100;

/** The key of an org's item in its parent's ORGCHILD partition: where a walk resumes after it. */
const childKeyOf = (o: Org): StartKey => ({ pk: `ORG#${o.orgId}`, sk: 'META', gsi1pk: `ORGCHILD#${o.parentId}`, gsi1sk: o.name });

/** The children of an org by name, read page by page as the caller goes (after `after`, when given). */
async function* childrenOf(parentId: string, after?: Org): AsyncGenerator<Org> {
  let exclusiveStartKey: Record<string, unknown> | undefined = after ? childKeyOf(after) : undefined;
  do {
    const page = await orgs().query({ index: 'gsi1', partition: `ORGCHILD#${parentId}` }, { limit: CHILDREN_PAGE, exclusiveStartKey });
    for (const item of page.Items ?? []) yield toOrg(item);
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
}

/** `org` and everything below it, parents before children, siblings by name. */
async function* preorder(org: Org): AsyncGenerator<Org> {
  yield org;
  for await (const child of childrenOf(org.orgId)) yield* preorder(child);
}

/**
 * Walks the subtree of `rootId` in preorder, starting at `start` (an org of that subtree): `start`
 * and its descendants, then what follows it — its later siblings' subtrees, then its parent's
 * later siblings', up to the root. Children are read a page at a time, only as far as the caller
 * goes, so a walk that stops early reads little, and a resumed walk needs only where it stopped.
 */
export async function* walkSubtree(rootId: string, start: Org): AsyncGenerator<Org> {
  yield* preorder(start);
  let node = start;
  while (node.orgId !== rootId && node.parentId) {
    for await (const sibling of childrenOf(node.parentId, node)) yield* preorder(sibling);
    node = await requireOrg(node.parentId);
  }
}

/** The org and every org below it (children paged to the end). */
export const subtreeOf = async (orgId: string): Promise<string[]> => {
  const out: string[] = [];
  for await (const org of walkSubtree(orgId, await requireOrg(orgId))) out.push(org.orgId);
  return out;
};
