import { canParent, DomainError, lineageOf, type Org, type OrgKind } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { OrgEntity } from './entities/org.entity';
import { isConditionFailure } from './errors';

const orgs = OrgEntity.build(EntityRepository);

type OrgItem = NonNullable<Awaited<ReturnType<typeof orgs.get>>['Item']>;

const toOrg = (i: OrgItem): Org => ({
  orgId: i.orgId,
  name: i.name,
  kind: i.kind,
  parentId: i.parentId ?? null,
  ancestors: i.ancestors,
  area: i.area ?? null,
});

export const getOrg = async (orgId: string): Promise<Org | null> => {
  const { Item } = await orgs.get({ orgId });
  return Item ? toOrg(Item) : null;
};

export const requireOrg = async (orgId: string, field = 'orgId'): Promise<Org> => {
  const org = await getOrg(orgId);
  if (!org) throw new DomainError('ORG_NOT_FOUND', '组织不存在', { field });
  return org;
};

/** The org and its ancestors, root first (the order catalogs are merged in). */
export const getLineage = async (orgId: string): Promise<Org[]> => {
  const org = await requireOrg(orgId);
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
  if (input.parentId) {
    const parent = await requireOrg(input.parentId, 'parentId');
    if (!canParent(parent.kind, input.kind)) {
      throw new DomainError('ORG_KIND_MISMATCH', '上级组织不能设立该类型的下级组织', { field: 'kind' });
    }
    ancestors = lineageOf(parent);
  } else if (input.kind !== 'city') {
    throw new DomainError('ORG_PARENT_REQUIRED', '请选择上级组织', { field: 'parentId' });
  }
  const org: Org = { orgId: input.orgId, name: input.name, kind: input.kind, parentId: input.parentId, ancestors, area: input.area };
  try {
    await orgs.put(
      {
        orgId: org.orgId,
        name: org.name,
        kind: org.kind,
        ancestors,
        ...(org.parentId ? { parentId: org.parentId, gsi1pk: `ORGCHILD#${org.parentId}`, gsi1sk: org.name } : {}),
        ...(org.area ? { area: org.area, gsi2pk: `ORGAREA#${org.area}`, gsi2sk: org.orgId } : {}),
      },
      { condition: { attr: 'orgId', exists: false } },
    );
  } catch (e) {
    if (isConditionFailure(e)) throw new DomainError('ORG_EXISTS', '组织已存在', { field: 'orgId' });
    throw e;
  }
  return org;
};

export const listChildren = async (parentId: string): Promise<Org[]> => {
  const { Items = [] } = await orgs.query({ index: 'gsi1', partition: `ORGCHILD#${parentId}` });
  return Items.map(toOrg);
};

/** 联合工会 in an area: where a worker whose employer has no union can join. */
export const listJointUnionsByArea = async (area: string): Promise<Org[]> => {
  const { Items = [] } = await orgs.query({ index: 'gsi2', partition: `ORGAREA#${area}` });
  return Items.map(toOrg).filter((o) => o.kind === 'joint');
};
