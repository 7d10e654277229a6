import * as z from 'zod/mini';
import { ORG_KINDS } from '../domain/org/org';
import { idSchema } from './common.contract';

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
