/**
 * Roles a session can carry. Each grant is scoped to an org: an officer's power covers that
 * org and every org below it (PRODUCT.md "Who uses it").
 */
export const ROLE_NAMES = ['member', 'delegate', 'officer', 'verifier'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  member: '会员',
  delegate: '职工代表',
  officer: '工会干部',
  verifier: '核验员',
};

export interface RoleGrant {
  role: RoleName;
  orgId: string;
}

export interface SessionClaims {
  userId: string;
  displayName: string;
  roles: RoleGrant[];
}

export const hasRole = (claims: SessionClaims, role: RoleName): boolean => claims.roles.some((r) => r.role === role);

/**
 * Whether `claims` holds `role` over `orgId`, given the target org's ancestry
 * (root first, the org itself last). Grants on an ancestor cover descendants.
 */
export const holdsRoleOver = (claims: SessionClaims, role: RoleName, orgLineage: readonly string[]): boolean =>
  claims.roles.some((r) => r.role === role && orgLineage.includes(r.orgId));
