import * as z from 'zod/mini';
import { JOINT_QUERY_MAX, JOINT_QUERY_MIN } from '../domain/org/joint-search';
import { ORG_KINDS } from '../domain/org/org';
import { idSchema } from './common.contract';
import { pageQuery } from './page.contract';

export const orgSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  parentId: z.nullable(z.string()),
  ancestors: z.array(z.string()),
  area: z.nullable(z.string()),
});

export const createOrgRequest = z.object({
  name: z.string().check(z.trim(), z.minLength(2, '至少 2 个字'), z.maxLength(60, '不超过 60 个字')),
  kind: z.enum(ORG_KINDS),
  parentId: idSchema,
  area: z.optional(z.string().check(z.maxLength(40, '不超过 40 个字'))),
});

export const orgLineageResponse = z.object({ org: orgSchema, lineage: z.array(orgSchema) });

const jointSearchText = z
  .string()
  .check(
    z.trim(),
    z.minLength(JOINT_QUERY_MIN, `至少 ${JOINT_QUERY_MIN} 个字`),
    z.maxLength(JOINT_QUERY_MAX, `不超过 ${JOINT_QUERY_MAX} 个字`),
  );

/**
 * GET /joint-unions?q=&cursor=&limit=: `q` is the start of an area ("临江" → 临江区) or any part of a
 * name. `area` is the name the route's parameter had before (older clients): read as `q`.
 */
export const jointUnionsQuery = z.extend(pageQuery, { q: z.optional(jointSearchText), area: z.optional(jointSearchText) });
