import { getSession } from '../../lib/session';

/** The orgs this officer manages directly (their grants); the first is the default. */
export const officerOrgIds = (): string[] =>
  getSession()
    ?.user.roles.filter((r) => r.role === 'officer')
    .map((r) => r.orgId) ?? [];
