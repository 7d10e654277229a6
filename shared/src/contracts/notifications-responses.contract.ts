import * as z from 'zod/mini';
import { NOTIFICATION_EVENT_NAMES, type NotificationEvent } from '../domain/notifications/events';
import { pageResponse } from './page.contract';

/**
 * The answers of the 消息 inbox routes. Not re-exported from the package index: the functions' tests
 * hold answers to them, the mini-program only takes their types (docs/ARCHITECTURE.md "Response schemas").
 */

/** One notification as the inbox shows it: title and body from `notificationText`, the page it opens. */
export const notificationSchema = z.object({
  noteId: z.string(),
  event: z.enum(NOTIFICATION_EVENT_NAMES as [NotificationEvent, ...NotificationEvent[]]),
  title: z.string(),
  body: z.string(),
  /** The mini-program page it opens, with its query (a tab page: switchTab, without one). */
  page: z.string(),
  createdAt: z.string(),
  /** When the person read it; null while unread. */
  readAt: z.nullable(z.string()),
});
export type NotificationView = z.infer<typeof notificationSchema>;

/** GET /me/notifications?cursor=&limit= — newest first, with the unread count (the tab's badge). */
export const notificationsResponse = z.extend(pageResponse('notifications', notificationSchema), { unread: z.int() });

/** POST /me/notifications/{noteId}/read — the notification (read) and the count after it. */
export const readNotificationResponse = z.object({ notification: notificationSchema, unread: z.int() });

/** POST /me/notifications/read-all — how many this request marked, the count after, where to go on (null: done). */
export const readAllNotificationsResponse = z.object({ marked: z.int(), unread: z.int(), nextCursor: z.nullable(z.string()) });
