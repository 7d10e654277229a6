import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MOTION_KIND_LABELS, MOTION_KINDS, type MotionKind, type RosterLineError } from '@union/shared';
import type { CreateMotionRequest } from '@union/shared/contracts/congress-requests.contract';
import { useCallback, useState } from 'react';
import { NoticeBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { usePolling } from '../../components/use-polling';
import { congressApi, congressErrorText, type DelegateView, rosterLineErrors, type SessionView } from './congress-api';
import './congress.scss';
import { useSessionLists } from './use-session-lists';

/** One session for its officers: attendance, motions (open / close / re-vote), 提案 to handle, and the roster. */
export function SessionAdmin({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<SessionView | null>(null);
  // Roster, motions and proposals a page at a time; each page of the roster brings the session (N, signed in).
  const rosterList = usePagedList<DelegateView>(async (cursor) => {
    const page = await congressApi.roster(sessionId, cursor);
    setSession(page.session);
    return { items: page.delegates, nextCursor: page.nextCursor };
  });
  const { motionList, proposalList } = useSessionLists(sessionId);
  const delegates = rosterList.items;
  const motions = motionList.items;
  const proposals = proposalList.items;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<RosterLineError[]>([]);
  const [csv, setCsv] = useState('');
  const [one, setOne] = useState({ memberNumber: '', delegation: '' });
  const [motion, setMotion] = useState<{ kind: MotionKind; title: string; items: string; maxChoices: string }>({
    kind: 'vote',
    title: '',
    items: '',
    maxChoices: '1',
  });

  // Each list again as far as it was loaded (加载更多 keeps its pages).
  const refreshRoster = rosterList.refresh;
  const refreshMotions = motionList.refresh;
  const refreshProposals = proposalList.refresh;
  const load = useCallback(async () => {
    try {
      await Promise.all([refreshRoster(), refreshMotions(), refreshProposals()]);
    } catch (e) {
      setError(congressErrorText(e));
    }
  }, [refreshRoster, refreshMotions, refreshProposals]);
  const more = (fn: () => Promise<void>) => () => fn().catch((e) => setError(congressErrorText(e)));
  // Live turnout while a motion is open.
  usePolling(
    load,
    motions.some((m) => m.status === 'open'),
    3000,
  );

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    setNotice(null);
    setLineErrors([]);
    try {
      await fn();
      setNotice(done);
    } catch (e) {
      setError(congressErrorText(e));
      setLineErrors(rosterLineErrors(e));
    }
    await load();
  };

  const createMotion = () => {
    const names = motion.items
      .split(/\n|、|,|，/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    const body: CreateMotionRequest =
      motion.kind === 'vote'
        ? { kind: 'vote', title: motion.title }
        : motion.kind === 'election'
          ? { kind: 'election', title: motion.title, candidates: names, maxChoices: Number(motion.maxChoices) }
          : { kind: 'rating', title: motion.title, subjects: names, scale: ['满意', '基本满意', '不满意'] };
    return act(() => congressApi.createMotion(sessionId, body), '已添加表决事项');
  };

  if (!session) return <Text className="muted">加载中…</Text>;
  return (
    <View data-testid="session-admin">
      <View className="card">
        <Text className="subtitle">{session.sessionName}</Text>
        <Text data-testid="officer-attendance">
          应到 {session.rosterCount} 人 · 已签到 {session.signedInCount} 人 · 法定人数 {session.quorum} 人（
          {session.quorumMet ? '已达到' : '未达到'}）· 通过须 {session.passThreshold} 票
        </Text>
      </View>
      {error ? (
        <View className="error-banner" role="alert">
          <Text>{error}</Text>
          {lineErrors.map((l) => (
            <Text key={`${l.line}-${l.code}`} style={{ display: 'block' }}>
              {l.message}
            </Text>
          ))}
        </View>
      ) : null}
      <NoticeBanner message={notice} />

      <View className="card">
        <Text className="subtitle">表决事项</Text>
        {motions.map((m) => (
          <View key={m.motionId} className="list-item row" data-testid={`officer-motion-${m.motionId}`}>
            <Text>
              <Text className="tag">{m.kindLabel}</Text>
              {m.title} · {m.status === 'draft' ? '未开始' : m.status === 'open' ? `投票中，已投 ${m.turnout} 人` : `已结束：${m.verdict}`}
            </Text>
            <View>
              {m.status === 'draft' ? (
                <Button
                  size="mini"
                  className="btn-primary"
                  data-testid="open-motion"
                  onClick={() => act(() => congressApi.openMotion(m.motionId), '投票已开始')}
                >
                  开始投票
                </Button>
              ) : null}
              {m.status === 'open' ? (
                <Button
                  size="mini"
                  className="btn-primary"
                  data-testid="close-motion"
                  onClick={() => act(() => congressApi.closeMotion(m.motionId), '投票已结束，结果已公布')}
                >
                  结束投票
                </Button>
              ) : null}
              {m.status === 'closed' ? (
                <View>
                  <Button
                    size="mini"
                    className="btn-plain"
                    onClick={() => Taro.navigateTo({ url: `/pages/congress/results?id=${m.motionId}` })}
                  >
                    结果
                  </Button>
                  <Button
                    size="mini"
                    className="btn-plain"
                    onClick={() => act(() => congressApi.revote(m.motionId), '已新建重新表决事项，原结果保留')}
                  >
                    重新表决
                  </Button>
                </View>
              ) : null}
            </View>
          </View>
        ))}
        <LoadMore hasMore={motionList.hasMore} loading={motionList.loading} testId="more-motions" onLoad={more(motionList.loadMore)} />
        <Text className="subtitle">新增表决事项</Text>
        <Picker
          mode="selector"
          range={MOTION_KINDS.map((k) => MOTION_KIND_LABELS[k])}
          onChange={(e) => setMotion((m) => ({ ...m, kind: MOTION_KINDS[Number(e.detail.value)] ?? 'vote' }))}
        >
          <Text className="cg-option">类型：{MOTION_KIND_LABELS[motion.kind]}（点击切换）</Text>
        </Picker>
        <Input
          className="input"
          placeholder="事项名称"
          data-testid="motion-title"
          value={motion.title}
          onInput={(e) => setMotion((m) => ({ ...m, title: e.detail.value }))}
        />
        {motion.kind !== 'vote' ? (
          <Textarea
            className="cg-textarea"
            placeholder={motion.kind === 'election' ? '候选人，每行一人' : '测评对象，每行一人'}
            value={motion.items}
            onInput={(e) => setMotion((m) => ({ ...m, items: e.detail.value }))}
          />
        ) : null}
        {motion.kind === 'election' ? (
          <Input
            className="input"
            placeholder="应选人数"
            value={motion.maxChoices}
            onInput={(e) => setMotion((m) => ({ ...m, maxChoices: e.detail.value }))}
          />
        ) : null}
        <Button className="btn-primary" data-testid="create-motion" onClick={createMotion}>
          添加
        </Button>
      </View>

      <View className="card">
        <Text className="subtitle">提案</Text>
        {proposals.map((p) => (
          <View key={p.proposalId} className="list-item row" data-testid={`officer-proposal-${p.proposalId}`}>
            <Text>
              {p.title} · {p.proposerName} · <Text className="tag">{p.statusLabel}</Text>
              {p.overdue ? <Text className="cg-overdue">答复逾期（期限 {p.replyDeadline}）</Text> : null}
            </Text>
            <Button
              size="mini"
              className="btn-plain"
              onClick={() => Taro.navigateTo({ url: `/officer/pages/congress/proposal?id=${p.proposalId}` })}
            >
              办理
            </Button>
          </View>
        ))}
        <LoadMore
          hasMore={proposalList.hasMore}
          loading={proposalList.loading}
          testId="more-proposals"
          onLoad={more(proposalList.loadMore)}
        />
      </View>

      <View className="card">
        <Text className="subtitle">代表名单（{session.rosterCount} 人）</Text>
        {session.rosterLocked ? <Text className="muted">已有表决开始，名单已锁定。</Text> : null}
        <View className="row">
          <Input
            className="input"
            placeholder="会员编号"
            value={one.memberNumber}
            onInput={(e) => setOne((o) => ({ ...o, memberNumber: e.detail.value }))}
          />
          <Input
            className="input"
            placeholder="代表团（选填）"
            value={one.delegation}
            onInput={(e) => setOne((o) => ({ ...o, delegation: e.detail.value }))}
          />
          <Button
            size="mini"
            className="btn-primary"
            onClick={() =>
              act(
                () =>
                  congressApi.addDelegates(sessionId, [
                    { memberNumber: one.memberNumber, ...(one.delegation ? { delegation: one.delegation } : {}) },
                  ]),
                '已添加代表',
              )
            }
          >
            添加
          </Button>
        </View>
        <Text className="field-label">从 CSV 导入（每行：会员编号,代表团）</Text>
        <Textarea className="cg-textarea" value={csv} maxlength={100000} onInput={(e) => setCsv(e.detail.value)} />
        <Button size="mini" className="btn-plain" onClick={() => act(() => congressApi.importRoster(sessionId, csv), '名单已导入')}>
          导入
        </Button>
        <View>
          {delegates.map((d) => (
            <View key={d.userId} className="row" data-testid={`roster-${d.userId}`}>
              <Text className="muted">
                {d.displayName} · {d.memberNumber ?? '—'} · {d.delegation ?? '—'} · {d.signedInAt ? '已签到' : '未签到'}
              </Text>
              {session.rosterLocked ? null : (
                <Button
                  size="mini"
                  className="btn-plain"
                  data-testid={`remove-${d.userId}`}
                  onClick={async () => {
                    const { confirm } = await Taro.showModal({
                      title: '移出代表名单',
                      content: `确定将 ${d.displayName} 移出代表名单？其代表身份随之取消。`,
                    });
                    if (confirm) await act(() => congressApi.removeDelegate(sessionId, d.userId), '已移出代表名单');
                  }}
                >
                  移出
                </Button>
              )}
            </View>
          ))}
          <LoadMore hasMore={rosterList.hasMore} loading={rosterList.loading} testId="more-roster" onLoad={more(rosterList.loadMore)} />
        </View>
      </View>
    </View>
  );
}
