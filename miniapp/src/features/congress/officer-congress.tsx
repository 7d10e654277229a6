import { Button, Input, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { getSession } from '../../lib/session';
import { congressApi, congressErrorText, type SessionView } from './congress-api';
import './congress.scss';
import { SessionAdmin } from './session-admin';

// The Beijing day (a session's dates are the union's, in China).
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 职代会 management for officers (desktop-friendly): sessions, roster, motions and 提案 review. */
export function OfficerCongress({
  initialOrg,
  initialSession,
}: {
  initialOrg?: string | undefined;
  initialSession?: string | undefined;
} = {}) {
  const orgIds = [
    ...new Set(
      getSession()
        ?.user.roles.filter((r) => r.role === 'officer')
        .map((r) => r.orgId) ?? [],
    ),
  ];
  const [orgId, setOrgId] = useState(initialOrg || orgIds[0] || '');
  const list = usePagedList<SessionView>(async (cursor) => {
    if (!orgId) return { items: [], nextCursor: null };
    const page = await congressApi.orgSessions(orgId, cursor);
    return { items: page.sessions, nextCursor: page.nextCursor };
  });
  const sessions = list.items;
  const { reload } = list;
  const [selected, setSelected] = useState<string | null>(initialSession || null);
  const [form, setForm] = useState({ sessionName: '', startDate: today(), endDate: today() });
  const [error, setError] = useState<string | null>(null);

  // Sessions newest first, a page at a time (加载更多).
  const load = useCallback(async () => {
    try {
      await reload();
    } catch (e) {
      setError(congressErrorText(e));
    }
  }, [reload]);
  useEffect(() => {
    if (orgId) void load();
  }, [orgId, load]);
  useEffect(() => {
    setSelected((cur) => cur ?? sessions[0]?.sessionId ?? null);
  }, [sessions]);

  const create = async () => {
    setError(null);
    try {
      const { session } = await congressApi.createSession({ orgId, ...form });
      setSelected(session.sessionId);
      await load();
    } catch (e) {
      setError(congressErrorText(e));
    }
  };

  return (
    <View>
      <View className="card">
        <Text className="title">职代会管理</Text>
        <View className="row" style={{ justifyContent: 'flex-start' }}>
          <Text className="field-label">组织编号</Text>
          <Input className="input" value={orgId} data-testid="officer-org" onInput={(e) => setOrgId(e.detail.value.trim())} />
        </View>
        {sessions.map((s) => (
          <Text
            key={s.sessionId}
            className={`cg-option ${selected === s.sessionId ? 'selected' : ''}`}
            data-testid={`session-option-${s.sessionId}`}
            onClick={() => setSelected(s.sessionId)}
          >
            {s.sessionName}（{s.startDate}）· 代表 {s.rosterCount} 人 · 已签到 {s.signedInCount} 人
          </Text>
        ))}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loading}
          testId="more-sessions"
          onLoad={() => list.loadMore().catch((e) => setError(congressErrorText(e)))}
        />
        <Text className="subtitle">新建会议</Text>
        <View className="row">
          <Input
            className="input"
            placeholder="会议名称，如 第三届第二次职工代表大会"
            value={form.sessionName}
            onInput={(e) => setForm((f) => ({ ...f, sessionName: e.detail.value }))}
          />
          <Input
            className="input"
            placeholder="开始日期"
            value={form.startDate}
            onInput={(e) => setForm((f) => ({ ...f, startDate: e.detail.value }))}
          />
          <Input
            className="input"
            placeholder="结束日期"
            value={form.endDate}
            onInput={(e) => setForm((f) => ({ ...f, endDate: e.detail.value }))}
          />
          <Button size="mini" className="btn-primary" onClick={create}>
            新建
          </Button>
        </View>
      </View>
      <ErrorBanner message={error} />
      {selected ? <SessionAdmin key={selected} sessionId={selected} /> : null}
    </View>
  );
}
