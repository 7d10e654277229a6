import { maskName } from '../common/mask';

export interface ApprovedClaimant {
  name: string;
  orgName: string;
  decidedAt: string;
}

export interface PublicityEntry {
  /** 张*三: never the full name (公示 shows who, not enough to identify). */
  maskedName: string;
  orgName: string;
  decidedAt: string;
}

/** The 公示 list of an approved set: masked names, oldest approval first. */
export const publicityEntries = (approved: readonly ApprovedClaimant[]): PublicityEntry[] =>
  [...approved]
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
    .map((a) => ({ maskedName: maskName(a.name), orgName: a.orgName, decidedAt: a.decidedAt }));
