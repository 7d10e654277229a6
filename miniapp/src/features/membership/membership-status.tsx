import { Button, Input, Text, View } from '@tarojs/components';
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
import { JoinForm } from './join-form';
import { formatDate, type MyMembership, membershipApi, membershipErrorText } from './membership-api';

/** 我的会籍: the membership (org, number, join date, status), the application's progress, transfers. */
export function MembershipStatus() {
  const [mine, setMine] = useState<MyMembership | null>(null);
  const [application, setApplication] = useState<ApplicationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [area, setArea] = useState('');
  const [unions, setUnions] = useState<Array<{ orgId: string; name: string }>>([]);

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
          <Text className="muted">
            换了工作单位？输入所在区域查找联合工会，或向新单位工会索取组织编号。转入工会审核通过后会籍即转移，原会员编号记录保留。
          </Text>
          <Input className="input" placeholder="所在区域，如：临江区" value={area} onInput={(e) => setArea(e.detail.value)} />
          <Button
            className="btn-plain"
            onClick={async () => {
              try {
                setUnions((await membershipApi.jointUnions(area)).orgs.filter((o) => o.orgId !== m.orgId));
              } catch (e) {
                setError(membershipErrorText(e));
              }
            }}
          >
            查找联合工会
          </Button>
          {unions.map((u) => (
            <View key={u.orgId} className="list-item row">
              <Text>{u.name}</Text>
              <Button
                className="btn-primary"
                size="mini"
                onClick={async () => {
                  try {
                    await membershipApi.requestTransfer(u.orgId);
                    setNotice(`已向${u.name}申请会籍转移，请等待审核`);
                    await load();
                  } catch (e) {
                    setError(membershipErrorText(e));
                  }
                }}
              >
                申请转入
              </Button>
            </View>
          ))}
          {(mine?.transfers ?? []).map((t) => (
            <Text key={t.transferId} className="muted" style={{ display: 'block' }}>
              {formatDate(t.requestedAt)} 转入{t.toOrgName}：{TRANSFER_STATUS_LABELS[t.status]}
              {t.rejectReason ? `（${t.rejectReason}）` : ''}
            </Text>
          ))}
          {(mine?.memberNumberHistory ?? []).map((h) => (
            <Text key={h.memberNumber} className="muted" style={{ display: 'block' }}>
              曾用编号 {h.memberNumber}（{h.orgName}，{formatDate(h.from)} 至 {formatDate(h.to)}）
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
