import * as z from 'zod/mini';
import { orgSchema } from './org.contract';
import { pageResponse } from './page.contract';

/**
 * The responses of the orgs routes beyond GET /orgs/{orgId} (`orgLineageResponse`, org.contract).
 * Not re-exported from the package index: the mini-program only takes their types (`import type`),
 * so these schemas stay out of its main package (docs/ARCHITECTURE.md "Response schemas").
 */

/** GET /orgs/{orgId}/children?cursor=&limit= — an org's children, by name. */
export const orgChildrenResponse = pageResponse('orgs', orgSchema);

/** A 联合工会 with the open invite a worker can join through (auto-approve first), or null. */
export const jointUnionSchema = z.extend(orgSchema, { kind: z.literal('joint'), openInviteId: z.nullable(z.string()) });
export type JointUnionView = z.infer<typeof jointUnionSchema>;

/** GET /joint-unions?area=&cursor=&limit= (public) */
export const jointUnionsResponse = pageResponse('orgs', jointUnionSchema);

/** POST /orgs → 201 */
export const createOrgResponse = z.object({ org: orgSchema });
