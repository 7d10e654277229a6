import { joinUrl, posterQuery } from '@union/shared';
import * as z from 'zod/mini';
import { requireInvite } from '../../store/invite.repository';
import { defineRoute } from '../route';
import { posterPng, posterSvg } from './poster';

/** As the membership routes read an invite id (membership.routes.ts). */
const inviteParams = z.object({ inviteId: z.string().check(z.maxLength(64, '过长')) });

/**
 * The invite's QR poster: a function of its own (serverless.yml `poster`), because the PNG needs the
 * 1.2 MB bitmap font (platform/bitmap-font.ts), QR and PNG encoders that no other route uses, and a
 * bundle carrying them imports 10 ms slower on every cold start of the membership routes (README, Figures).
 */
export const posterRoutes = [
  defineRoute({
    method: 'GET',
    path: '/invites/{inviteId}/poster',
    access: ['officer'],
    params: inviteParams,
    query: posterQuery,
    async handle({ params, query, runtime, requireRoleOver }) {
      const invite = await requireInvite(params.inviteId);
      await requireRoleOver('officer', invite.orgId);
      // h5: the join URL; weapp: the bare id, passed as the mini-program code's `scene`.
      const payload = query.payload === 'scene' ? invite.inviteId : joinUrl(runtime.config.publicAppUrl, invite.inviteId);
      const filename = `attachment; filename*=UTF-8''${encodeURIComponent(`${invite.orgName}-入会二维码.${query.format ?? 'png'}`)}`;
      if (query.format === 'svg') {
        return {
          text: { contentType: 'image/svg+xml; charset=utf-8', data: await posterSvg(payload, invite.orgName) },
          headers: { 'content-disposition': filename },
        };
      }
      return {
        binary: { contentType: 'image/png', data: await posterPng(payload, invite.orgName) },
        headers: { 'content-disposition': filename },
      };
    },
  }),
];
