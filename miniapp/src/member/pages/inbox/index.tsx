import { Button, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import { inboxApi, inboxErrorText, type NotificationView } from '../../../features/inbox/inbox-api';
import { pageOpening } from '../../../features/inbox/page-opening';
import { setUnread, useUnreadCount } from '../../../lib/inbox-badge';
import '../../../features/inbox/inbox.scss';

const timeText = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * 消息 (from 我的): what the union told this person — 审核结果, 申领结果, 提案办理, 表决 — newest first, paged
 * (GET /me/notifications; more on scroll or 加载更多). Tapping one marks it read and opens its page; the
 * unread count follows on the 我的 tab's badge. On h5 this is how a member is told (no WeChat message).
 */
export default function InboxPage() {
  const session = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const unread = useUnreadCount();
  const notes = usePagedList<NotificationView>(async (cursor) => {
    const page = await inboxApi.list(cursor);
    setUnread(page.unread);
    return { items: page.notifications, nextCursor: page.nextCursor };
  });
  const { reload, setItems } = notes;
  useEffect(() => {
    if (!session) return;
    reload()
      .then(() => setLoaded(true))
      .catch((e) => setError(inboxErrorText(e)));
  }, [session, reload]);
  useReachBottom(() => {
    if (notes.hasMore && !notes.loading) notes.loadMore().catch((e) => setError(inboxErrorText(e)));
  });

  const open = async (n: NotificationView) => {
    setError(null);
    if (n.readAt === null) {
      try {
        const res = await inboxApi.read(n.noteId);
        setItems((items) => items.map((x) => (x.noteId === n.noteId ? res.notification : x)));
        setUnread(res.unread);
      } catch (e) {
        setError(inboxErrorText(e));
        return;
      }
    }
    const opening = pageOpening(n.page);
    if (!opening) return;
    try {
      if (opening.how === 'switchTab') await Taro.switchTab({ url: opening.url });
      else await Taro.navigateTo({ url: opening.url });
    } catch {
      setError('无法打开这条消息的页面，请稍后再试');
    }
  };

  const readAll = async () => {
    setError(null);
    try {
      let cursor: string | null = null;
      // Bounded on the server (at most 99 a request); a long inbox takes a few.
      for (let i = 0; i < 20; i += 1) {
        const res = await inboxApi.readAll(cursor);
        setUnread(res.unread);
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      const at = new Date().toISOString();
      setItems((items) => items.map((x) => (x.readAt === null ? { ...x, readAt: at } : x)));
    } catch (e) {
      setError(inboxErrorText(e));
    }
  };

  return (
    <MemberPage className="inbox-page" testId="inbox">
      <ErrorBanner message={error} />
      <View className="card">
        <View className="inbox-head">
          <View>
            <Text className="title">消息</Text>
            <Text className="inbox-count" data-testid="inbox-unread">
              {unread ? `${unread} 条未读` : '没有未读消息'}
            </Text>
          </View>
          {unread ? (
            <Button size="mini" className="btn-plain" data-testid="inbox-read-all" onClick={readAll}>
              全部已读
            </Button>
          ) : null}
        </View>
        {loaded ? (
          <View data-testid="inbox-loaded">
            {notes.items.length === 0 ? <Text className="muted">还没有消息。审核、申领、提案和表决有了结果，会在这里告诉您。</Text> : null}
            {notes.items.map((n) => (
              <View
                key={n.noteId}
                className={`inbox-item${n.readAt ? ' inbox-item-read' : ''}`}
                data-testid={`note-${n.noteId}`}
                data-read={n.readAt ? 'yes' : 'no'}
                onClick={() => open(n)}
              >
                <View className="inbox-dot" />
                <View className="inbox-main">
                  <Text className="inbox-title">{n.title}</Text>
                  <Text className="inbox-body">{n.body}</Text>
                  <Text className="inbox-time">
                    {timeText(n.createdAt)}
                    {n.readAt ? '' : ' · 未读'}
                  </Text>
                </View>
                <Text className="inbox-more">›</Text>
              </View>
            ))}
          </View>
        ) : null}
        <LoadMore
          hasMore={notes.hasMore}
          loading={notes.loading}
          onLoad={() => notes.loadMore().catch((e) => setError(inboxErrorText(e)))}
          testId="inbox-more"
        />
      </View>
    </MemberPage>
  );
}
