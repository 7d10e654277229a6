import { Button, Image, Input, Text, View } from '@tarojs/components';
import { INVITE_MODE_LABELS, INVITE_MODES, type InviteMode, type InviteView } from '@union/shared';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { apiBase } from '../../lib/api';
import { platform } from '../../lib/platform';
import { getSession } from '../../lib/session';
import { formatDate, membershipErrorText } from './membership-api';
import { officerMembershipApi } from './officer-membership-api';
import { OfficerOrgPicker } from './officer-orgs';
import { downloadPosterPng } from './poster-download';

const STATUS_LABELS: Record<InviteView['status'], string> = { active: '有效', expired: '已过期', revoked: '已撤销', usedUp: '次数已满' };

/** 入会邀请管理: create (expiry, uses, auto/review), list, revoke, the poster shown and 下载海报 (PNG). */
export function OfficerInvites() {
  const [orgId, setOrgId] = useState<string | null>(null);
  const list = usePagedList<InviteView>(async (cursor) => {
    if (!orgId) return { items: [], nextCursor: null };
    const page = await officerMembershipApi.invites(orgId, cursor);
    return { items: page.invites, nextCursor: page.nextCursor };
  });
  const invites = list.items;
  const { reload } = list;
  const [mode, setMode] = useState<InviteMode>('review');
  const [days, setDays] = useState('30');
  const [maxUses, setMaxUses] = useState('200');
  const [error, setError] = useState<string | null>(null);
  const [poster, setPoster] = useState<{ inviteId: string; svg: string } | null>(null);

  const load = useCallback(async () => {
    if (!orgId) return;
    try {
      await reload();
    } catch (e) {
      setError(membershipErrorText(e));
    }
  }, [orgId, reload]);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    if (!orgId) return;
    setError(null);
    try {
      const expiresAt = new Date(Date.now() + Number(days) * 86_400_000).toISOString();
      await officerMembershipApi.createInvite(orgId, { mode, maxUses: Number(maxUses), expiresAt });
      await load();
    } catch (e) {
      setError(membershipErrorText(e));
    }
  };

  const showPoster = async (inviteId: string, payload: 'url' | 'scene') => {
    const res = await platform.request({
      url: `${apiBase()}/invites/${inviteId}/poster?format=svg&payload=${payload}`,
      method: 'GET',
      headers: { authorization: `Bearer ${getSession()?.token ?? ''}` },
      text: true,
    });
    if (res.status !== 200) return setError('无法生成海报');
    setPoster({ inviteId, svg: String(res.data) });
  };

  return (
    <View>
      <OfficerOrgPicker value={orgId} onChange={setOrgId} />
      <ErrorBanner message={error} />
      <View className="card">
        <Text className="subtitle">新建入会二维码</Text>
        <View className="field">
          <Text className="field-label">审核方式</Text>
          {INVITE_MODES.map((m) => (
            <Button
              key={m}
              size="mini"
              className={m === mode ? 'btn-primary' : 'btn-plain'}
              style={{ marginRight: '12px' }}
              onClick={() => setMode(m)}
            >
              {INVITE_MODE_LABELS[m]}
            </Button>
          ))}
        </View>
        <View className="field">
          <Text className="field-label">有效天数</Text>
          <Input className="input" type="number" value={days} onInput={(e) => setDays(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field-label">最多使用次数</Text>
          <Input className="input" type="number" value={maxUses} onInput={(e) => setMaxUses(e.detail.value)} />
        </View>
        <Button className="btn-primary" onClick={create}>
          生成二维码
        </Button>
      </View>
      <View className="card">
        <Text className="subtitle">已发放的二维码</Text>
        {invites.length === 0 ? <Text className="muted">暂无</Text> : null}
        {invites.map((i) => (
          <View key={i.inviteId} className="list-item">
            <View className="row">
              <Text>
                {INVITE_MODE_LABELS[i.mode]} · {STATUS_LABELS[i.status]} · 已用 {i.uses}/{i.maxUses} · 至 {formatDate(i.expiresAt)}
              </Text>
              <View>
                <Button size="mini" className="btn-plain" onClick={() => showPoster(i.inviteId, 'url')}>
                  海报（H5）
                </Button>
                <Button size="mini" className="btn-plain" onClick={() => showPoster(i.inviteId, 'scene')}>
                  海报（小程序）
                </Button>
                <Button
                  size="mini"
                  className="btn-plain"
                  data-testid="download-poster"
                  onClick={() => downloadPosterPng(i).catch((e) => setError(membershipErrorText(e)))}
                >
                  下载海报
                </Button>
                {i.status === 'active' ? (
                  <Button
                    size="mini"
                    className="btn-plain"
                    onClick={async () => {
                      await officerMembershipApi.revokeInvite(i.inviteId).catch((e) => setError(membershipErrorText(e)));
                      await load();
                    }}
                  >
                    撤销
                  </Button>
                ) : null}
              </View>
            </View>
            <Text className="muted">{i.joinUrl}</Text>
            {poster?.inviteId === i.inviteId ? (
              <Image
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(poster.svg)}`}
                style={{ width: '300px', height: '380px' }}
              />
            ) : null}
          </View>
        ))}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loading}
          onLoad={() => list.loadMore().catch((e) => setError(membershipErrorText(e)))}
          testId="invites-more"
        />
      </View>
    </View>
  );
}
