import * as z from 'zod/mini';
import '../domain/common/zod-locale';
import { idSchema } from './common.contract';
import { cursorSchema } from './page.contract';

/**
 * The 消息 inbox (functions/src/http/membership/inbox.routes.ts): requests. Not re-exported from the
 * shared index (the mini-program's main package carries none of it); the answers are in
 * notifications-responses.contract.ts. The list takes `pageQuery` (`?cursor=&limit=`).
 */

/** POST /me/notifications/{noteId}/read */
export const notificationParams = z.object({ noteId: idSchema });

/** POST /me/notifications/read-all: from the newest, or on from where the last answer stopped. */
export const readAllNotificationsRequest = z.object({ cursor: z.optional(cursorSchema) });
export type ReadAllNotificationsRequest = z.infer<typeof readAllNotificationsRequest>;
