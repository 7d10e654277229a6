import type {
  NotificationView,
  notificationsResponse,
  readAllNotificationsResponse,
  readNotificationResponse,
} from '@union/shared/contracts/notifications-responses.contract';
import type * as z from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';

export type { NotificationView };

/** The 消息 inbox (functions/src/http/membership/inbox.routes.ts); types from the shared contracts only. */
export const inboxApi = {
  list: (cursor: string | null = null) => api.get<z.infer<typeof notificationsResponse>>(withPage('/me/notifications', cursor)),
  read: (noteId: string) => api.post<z.infer<typeof readNotificationResponse>>(`/me/notifications/${encodeURIComponent(noteId)}/read`),
  readAll: (cursor: string | null = null) =>
    api.post<z.infer<typeof readAllNotificationsResponse>>('/me/notifications/read-all', cursor ? { cursor } : {}),
};

const MESSAGES: Record<string, string> = {
  NOTIFICATION_NOT_FOUND: '这条消息已不存在（消息保留一年）',
  CURSOR_INVALID: '列表已变化，请刷新后重新加载',
  NETWORK: '网络连接失败，请检查网络后重试',
};

export const inboxErrorText = (e: unknown): string => {
  if (e instanceof ApiError) return MESSAGES[e.code] ?? e.message;
  return e instanceof Error ? e.message : '操作失败，请重试';
};
