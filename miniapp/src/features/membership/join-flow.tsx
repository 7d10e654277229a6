import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ApplicationView, inviteIdFromScan, type MembershipView, ORG_KIND_LABELS, type OrgKind } from '@union/shared';
import { useEffect, useState } from 'react';
import { refreshSession } from '../../lib/api';
import { platform } from '../../lib/platform';
import { getSession } from '../../lib/session';
import { askToSubscribe } from '../../lib/subscribe';
import { JoinForm } from './join-form';
import { formatDate, membershipApi, membershipErrorText, type PublicInvite } from './membership-api';

/** 扫码入会: find the invite (URL parameter, weapp scene, or a scan), show the union, fill the form. */
export function JoinFlow(props: { inviteId: string | null; signedIn: boolean }) {
  const [inviteId, setInviteId] = useState<string | null>(props.inviteId);
  const [invite, setInvite] = useState<PublicInvite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ application: ApplicationView; membership: MembershipView | null } | null>(null);

  useEffect(() => {
    if (!inviteId) return;
    setError(null);
    membershipApi
      .invite(inviteId)
      .then(setInvite)
      .catch((e) => setError(membershipErrorText(e)));
  }, [inviteId]);

  const scan = async () => {
    try {
      const id = inviteIdFromScan(await platform.scanCode());
      if (!id) setError('这不是工会的入会二维码');
      else setInviteId(id);
    } catch (e) {
      setError(membershipErrorText(e));
    }
  };

  if (result) {
    const { application, membership } = result;
    return (
      <View className="card" data-testid="join-result">
        {membership ? (
          <View className="ok-banner">
            <Text className="title">入会成功</Text>
            <Text>欢迎加入{membership.orgName}！</Text>
          </View>
        ) : (
          <View className="ok-banner">
            <Text className="title">申请已提交</Text>
            <Text>请等待{application.orgName}审核，审核结果可在“我的会籍”查看。</Text>
          </View>
        )}
        {membership ? (
          <View>
            <Text className="field-label">会员编号</Text>
            <Text className="title" data-testid="member-number">
              {membership.memberNumber}
            </Text>
            <Text className="muted">入会日期：{formatDate(membership.joinedAt)}</Text>
          </View>
        ) : (
          <Text className="subtitle" data-testid="application-status">
            状态：待审核
          </Text>
        )}
        <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/member/pages/membership/index' })}>
          查看我的会籍
        </Button>
      </View>
    );
  }

  return (
    <View>
      {error ? (
        <View className="error-banner" role="alert" data-testid="invite-error">
          <Text>{error}</Text>
        </View>
      ) : null}
      {!inviteId ? (
        <View className="card">
          <Text className="title">扫码入会</Text>
          <Text className="muted">请扫描工会发放的入会二维码。</Text>
          <Button className="btn-primary" onClick={scan}>
            扫一扫
          </Button>
        </View>
      ) : null}
      {invite ? (
        <View className="card" data-testid="join-org">
          <Text className="muted">您正在申请加入</Text>
          <Text className="title">{invite.org.name}</Text>
          <Text className="tag">{ORG_KIND_LABELS[invite.org.kind as OrgKind] ?? invite.org.kind}</Text>
          <Text className="tag">{invite.invite.mode === 'auto' ? '提交后立即入会' : '提交后由工会审核'}</Text>
          <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
            {invite.org.lineageNames.join(' › ')}
          </Text>
        </View>
      ) : null}
      {invite && props.signedIn && getSession()?.user.roles.some((r) => r.role === 'member' && r.orgId !== invite.org.orgId) ? (
        <View className="card" data-testid="join-as-transfer">
          <Text className="subtitle">您已是其他工会的会员</Text>
          <Text className="muted" style={{ display: 'block' }}>
            换了工作单位的，请申请会籍转移到该工会（原会员编号记录保留），不必重新入会。
          </Text>
          <Button
            className="btn-primary"
            onClick={() => Taro.navigateTo({ url: `/member/pages/transfer/index?invite=${invite.invite.inviteId}` })}
          >
            申请转入该工会
          </Button>
        </View>
      ) : null}
      {invite && props.signedIn ? (
        <View className="card">
          <Text className="subtitle">实名信息</Text>
          <JoinForm
            submitLabel="提交入会申请"
            // Reviewed by an officer: ask now to be told the result (weapp; an auto invite answers at once).
            onValidTap={invite.invite.mode === 'review' ? () => void askToSubscribe('apply') : undefined}
            onSubmit={async (form) => {
              const res = await membershipApi.apply(invite.invite.inviteId, form);
              if (res.refreshSession) await refreshSession().catch(() => undefined);
              setResult(res);
            }}
          />
        </View>
      ) : null}
      {invite && !props.signedIn ? (
        <View className="card">
          <Text>请先登录后填写入会申请。</Text>
        </View>
      ) : null}
    </View>
  );
}
