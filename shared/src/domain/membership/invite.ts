import { DomainError } from '../common/errors';

/** 审核方式: activate at once, or go to the officer's review queue. */
export const INVITE_MODES = ['auto', 'review'] as const;
export type InviteMode = (typeof INVITE_MODES)[number];
export const INVITE_MODE_LABELS: Record<InviteMode, string> = { auto: '自动通过', review: '干部审核' };

/** Random characters in an invite id: 16 × log2(35) ≈ 82 bits, and it fits WeChat's 32-char scene. */
export const INVITE_ID_LENGTH = 16;
export const INVITE_ID_PATTERN = /^[0-9a-z]{16}$/;

export interface InviteState {
  expiresAt: string;
  maxUses: number;
  uses: number;
  revokedAt: string | null;
}

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'usedUp';

/** Where an invite stands on `now`: revocation first, then expiry, then uses. */
export const inviteStatus = (invite: InviteState, now: Date): InviteStatus => {
  if (invite.revokedAt) return 'revoked';
  if (Date.parse(invite.expiresAt) <= now.getTime()) return 'expired';
  if (invite.uses >= invite.maxUses) return 'usedUp';
  return 'active';
};

/** Throws the error a worker should see for an invite that cannot be used any more. */
export const assertInviteUsable = (invite: InviteState, now: Date): void => {
  const status = inviteStatus(invite, now);
  if (status === 'revoked')
    throw new DomainError('INVITE_REVOKED', '该入会二维码已被工会撤销，请向工会索取新的二维码', { field: 'inviteId' });
  if (status === 'expired') throw new DomainError('INVITE_EXPIRED', '该入会二维码已过期，请向工会索取新的二维码', { field: 'inviteId' });
  if (status === 'usedUp')
    throw new DomainError('INVITE_USED_UP', '该入会二维码的使用次数已满，请向工会索取新的二维码', { field: 'inviteId' });
};

export const inviteNotFound = (): DomainError =>
  new DomainError('INVITE_INVALID', '入会二维码无效，请确认是工会发放的二维码', { field: 'inviteId' });

/** The h5 join link a poster encodes; weapp posters carry the bare id as `scene`. */
export const joinUrl = (appUrl: string, inviteId: string): string => `${appUrl.replace(/\/+$/, '')}/#/pages/join/index?invite=${inviteId}`;

/** Reads an invite id out of what a scan returned: a join URL, a `scene=` path, or the bare id. */
export const inviteIdFromScan = (scanned: string): string | null => {
  const text = decodeURIComponent(scanned.trim());
  const m = /(?:[?&](?:invite|scene)=)([0-9a-z]{16})(?![0-9a-z])/.exec(text);
  if (m?.[1]) return m[1];
  return INVITE_ID_PATTERN.test(text) ? text : null;
};
