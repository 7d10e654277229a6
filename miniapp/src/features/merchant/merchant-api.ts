import type { CreateMerchantRequest } from '@union/shared/contracts/merchant.contract';
import type {
  MerchantVerifyResponse,
  merchantResponse,
  merchantsResponse,
  myMerchantResponse,
  myUsesResponse,
  RecordUseResponse,
  staffResponse,
  usesResponse,
} from '@union/shared/contracts/merchant-responses.contract';
import type * as z from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';
import { platform } from '../../lib/platform';
import { randomKey } from '../../lib/secure-random';

/** 商惠 merchants (functions/src/http/merchant); types from the shared contracts only. */
export const merchantApi = {
  myMerchant: () => api.get<z.infer<typeof myMerchantResponse>>('/me/merchant'),
  verify: (merchantId: string, token: string) => api.post<MerchantVerifyResponse>(`/merchants/${merchantId}/verify`, { token }),
  recordUse: (merchantId: string, token: string, useId: string) =>
    api.post<RecordUseResponse>(`/merchants/${merchantId}/uses`, { token, useId }),
  myUses: (cursor: string | null = null) => api.get<z.infer<typeof myUsesResponse>>(withPage('/me/merchant-uses', cursor)),
  // officer
  create: (orgId: string, body: CreateMerchantRequest) => api.post<z.infer<typeof merchantResponse>>(`/orgs/${orgId}/merchants`, body),
  list: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof merchantsResponse>>(withPage(`/orgs/${orgId}/merchants`, cursor)),
  bindStaff: (merchantId: string, userId: string) => api.post<z.infer<typeof staffResponse>>(`/merchants/${merchantId}/staff`, { userId }),
  uses: (merchantId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof usesResponse>>(withPage(`/merchants/${merchantId}/uses`, cursor)),
};

/** A use's id, made once per scan on this device: a retry of the same use sends it again. */
export const newUseId = (): Promise<string> => randomKey(platform.randomSource(), 24);

const MESSAGES: Record<string, string> = {
  FORBIDDEN_ROLE: '您没有权限进行此操作',
  FORBIDDEN_ORG: '您只能管理本组织及下级组织的商户',
  CURSOR_INVALID: '列表已变化，请刷新后重新加载',
  NETWORK: '网络连接失败，请检查网络后重试',
};

/** The words for a failed request: the server's own message (it names the field) unless a shorter one fits. */
export const merchantErrorText = (e: unknown): string => {
  if (e instanceof ApiError) return MESSAGES[e.code] ?? e.message;
  return e instanceof Error ? e.message : String(e);
};
