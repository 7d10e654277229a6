import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationView,
  MEMBER_GROUP_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  TRANSFER_STATUS_LABELS,
} from '@union/shared';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { refreshSession } from '../../lib/api';
import { askToSubscribe } from '../../lib/subscribe';
import { JoinForm } from './join-form';
import { formatDate, type MyMembership, membershipApi, membershipErrorText } from './membership-api';

/** 我的会籍: the membership (org, number, join date, status), the application's progress, transfers. */
export function MembershipStatus() {
  const [mine, setMine] = useState<MyMembership | null>(null);
  const [application, setApplication] = useState<ApplicationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [m, a] = await Promise.all([membershipApi.myMembership(), membershipApi.myApplication()]);
      setMine(m);
      setApplication(a.application);
      if (m.membership) await refreshSession().catch(() => undefined);
    } catch (e) {
      setError(membershipErrorText(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const m = mine?.membership ?? null;
  return (
    <View>
      <ErrorBanner message={error} />
      <NoticeBanner message={notice} />
      {m ? (
        <View className="card" data-testid="my-membership">
          <Text className="title">我的会籍</Text>
          <Text className="field-label">所在工会</Text>
          <Text className="subtitle">{m.orgName}</Text>
          <Text className="field-label">会员编号</Text>
          <Text className="subtitle" data-testid="member-number">
            {m.memberNumber}
          </Text>
          <Text className="field-label">入会日期</Text>
          <Text className="subtitle">{formatDate(m.joinedAt)}</Text>
          <Text className="field-label">会籍状态</Text>
          <Text className="subtitle">{MEMBERSHIP_STATUS_LABELS[m.status]}</Text>
          <Text className="muted">
            {m.name} · {m.phoneMasked} · {m.idNumberMasked} · {MEMBER_GROUP_LABELS[m.group]}
            {m.isMigrantWorker ? ' · 农民工' : ''}
          </Text>
        </View>
      ) : null}
      {application && (!m || application.status !== 'approved') ? (
        <View className="card" data-testid="my-application">
          <Text className="title">入会申请</Text>
          <Text className="subtitle">{application.orgName}</Text>
          <Text className="subtitle" data-testid="application-status">
            状态：{APPLICATION_STATUS_LABELS[application.status]}
          </Text>
          <Text className="muted">提交时间：{formatDate(application.submittedAt)}</Text>
          {application.status === 'rejected' ? (
            <View>
              <View className="error-banner">
                <Text data-testid="reject-reason">未通过原因：{application.rejectReason}</Text>
              </View>
              <Text className="subtitle">修改后重新提交</Text>
              <JoinForm
                initial={{
                  name: application.name,
                  employer: application.employer,
                  employmentType: application.employmentType,
                  group: application.group,
                  isMigrantWorker: application.isMigrantWorker,
                }}
                submitLabel="重新提交"
                onValidTap={() => void askToSubscribe('apply')}
                onSubmit={async (form) => {
                  const res = await membershipApi.resubmit(application.applicationId, form);
                  setApplication(res.application);
                  setNotice('已重新提交，请等待审核');
                }}
              />
            </View>
          ) : null}
        </View>
      ) : null}
      {!m && !application && mine ? (
        <View className="card">
          <Text className="title">您还不是会员</Text>
          <Text className="muted">请扫描工会的入会二维码申请入会。单位没有工会的，可以加入所在区域的联合工会。</Text>
        </View>
      ) : null}
      {m ? (
        <View className="card">
          <Text className="subtitle">会籍转移</Text>
          <Text className="muted" style={{ display: 'block' }}>
            换了工作单位？向新单位工会申请转入，审核通过后会籍即转移，原会员编号记录保留。
          </Text>
          <Button className="btn-plain" data-testid="go-transfer" onClick={() => Taro.navigateTo({ url: '/member/pages/transfer/index' })}>
            {(mine?.transfers ?? []).some((t) => t.status === 'pending') ? '查看转移申请（审核中）' : '申请会籍转移'}
          </Button>
        </View>
      ) : null}
      {mine && (mine.history.length > 1 || mine.transfers.length > 0 || mine.memberNumberHistory.length > 0) ? (
        <View className="card" data-testid="membership-history">
          <Text className="subtitle">会籍记录</Text>
          {mine.history.map((h) => (
            <View key={h.membershipId} className="list-item" data-testid={`history-${h.status}`}>
              <View className="row">
                <Text>{h.orgName}</Text>
                <Text className="tag" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                  {MEMBERSHIP_STATUS_LABELS[h.status]}
                </Text>
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                会员编号 {h.memberNumber} · {formatDate(h.joinedAt)} 至 {h.endedAt ? formatDate(h.endedAt) : '今'}
              </Text>
            </View>
          ))}
          {mine.memberNumberHistory
            .filter((h) => !mine.history.some((x) => x.memberNumber === h.memberNumber))
            .map((h) => (
              <Text key={h.memberNumber} className="muted" style={{ display: 'block' }}>
                曾用编号 {h.memberNumber}（{h.orgName}，{formatDate(h.from)} 至 {formatDate(h.to)}）
              </Text>
            ))}
          {mine.transfers.map((t) => (
            <Text key={t.transferId} className="muted" style={{ display: 'block' }}>
              {formatDate(t.requestedAt)} 申请转入{t.toOrgName}：{TRANSFER_STATUS_LABELS[t.status]}
              {t.rejectReason ? `（${t.rejectReason}）` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
