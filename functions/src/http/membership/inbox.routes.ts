import { pageQuery } from '@union/shared';
import { notificationParams, readAllNotificationsRequest } from '@union/shared/contracts/notifications.contract';
import type { NotificationView } from '@union/shared/contracts/notifications-responses.contract';
import { notificationText } from '@union/shared/domain/notifications/events';
import { markAllRead, markRead, type NotificationRecord, pageInbox } from '../../store/inbox.repository';
import { defineRoute } from '../route';

/** What the inbox shows of a notification: title and body from `notificationText`, never a stored record. */
const notificationView = (n: NotificationRecord): NotificationView => {
  const { title, body } = notificationText(n.event, n.facts);
  return { noteId: n.noteId, event: n.event, title, body, page: n.page, createdAt: n.createdAt, readAt: n.readAt };
};

/**
 * The 消息 inbox: the caller's own notifications (the outbox items, functions/src/store/outbox.ts), so
 * any signed-in account — an applicant told of a rejection is not a member. No user parameter: the
 * session's partition is the only one read, so another person's notification is 404.
 */
export const inboxRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/notifications',
    access: 'signedIn',
    query: pageQuery,
    async handle({ session, query, now }) {
      const page = await pageInbox(session.userId, query, now);
      return { body: { notifications: page.items.map(notificationView), nextCursor: page.nextCursor, unread: page.unread } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/notifications/{noteId}/read',
    access: 'signedIn',
    params: notificationParams,
    async handle({ session, params, now }) {
      const { notification, unread } = await markRead(session.userId, params.noteId, now);
      return { body: { notification: notificationView(notification), unread } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/notifications/read-all',
    access: 'signedIn',
    body: readAllNotificationsRequest,
    async handle({ session, body, now }) {
      return { body: await markAllRead(session.userId, body.cursor, now) };
    },
  }),
];
