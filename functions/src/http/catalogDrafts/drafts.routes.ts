import { DomainError, idSchema } from '@union/shared';
import { catalogDraftRequest, PLAN_DRAFT_MAX_SERVICES } from '@union/shared/contracts/catalog-publish.contract';
import { assertSourceTextSize } from '@union/shared/domain/catalog-publish/publish';
import { importPlan } from '@union/shared/domain/plan-import/index';
import * as z from 'zod/mini';
import { logger } from '../../platform/logger';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';

registerStatuses({
  SOURCE_TEXT_TOO_LARGE: 413,
  PLAN_TOO_MANY_SERVICES: 413,
  PLAN_IMPORT_FAILED: 422,
});

const orgParams = z.object({ orgId: idSchema });

/**
 * An officer's plan text → a draft catalog: a function of its own (serverless.yml `catalogDrafts`),
 * because the plan importer (shared/src/domain/plan-import, 66 KB) is used by no other route, and a
 * bundle carrying it imports 3.6 ms slower on every cold start of the catalog reads members make
 * (README, Function bundles). Nothing is stored: the officer edits the draft and publishes it
 * through the catalog function.
 */
export const draftRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/catalog-drafts',
    access: ['officer'],
    params: orgParams,
    body: catalogDraftRequest,
    async handle({ params, body, requireRoleOver, requestId }) {
      await requireRoleOver('officer', params.orgId);
      assertSourceTextSize(body.text, 'text');
      let draft: ReturnType<typeof importPlan>;
      try {
        // The same pure importer as `npm run catalog -- import`: nothing is stored until publish.
        draft = importPlan(body.text);
      } catch (e) {
        logger.error('plan import failed', { requestId, error: e });
        throw new DomainError('PLAN_IMPORT_FAILED', '未能识别这份计划文本，请检查内容后重试，或手动添加服务条目', { field: 'text' });
      }
      if (draft.services.length > PLAN_DRAFT_MAX_SERVICES) {
        throw new DomainError(
          'PLAN_TOO_MANY_SERVICES',
          `计划文本中识别出 ${draft.services.length} 项服务，一次最多 ${PLAN_DRAFT_MAX_SERVICES} 项，请按章节分段粘贴`,
          { field: 'text', details: { services: draft.services.length, maxServices: PLAN_DRAFT_MAX_SERVICES } },
        );
      }
      return { body: { draft } };
    },
  }),
];
