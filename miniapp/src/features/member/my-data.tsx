import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
  CLAIM_STATUS_LABELS,
  type ClaimStatus,
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  MEMBER_GROUP_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  type MemberGroup,
  type MembershipStatus,
  ROLE_LABELS,
  type RoleName,
  TRANSFER_STATUS_LABELS,
} from '@union/shared';
import type { MyData, MyDataProfile } from '@union/shared/contracts/membership-responses.contract';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { refreshSession } from '../../lib/api';
import { formatDate, membershipErrorText } from '../membership/membership-api';
import { privacyApi } from './privacy-api';

const DELETED = '（已删除）';
/** Hides the middle of a number until the person asks to see it (kept here: out of the main package). */
const hide = (s: string) => `${s.slice(0, 3)}${'*'.repeat(Math.max(0, s.length - 7))}${s.slice(-4)}`;

function Line(props: { label: string; value: string | number | null | undefined; testId?: string }) {
  return (
    <View className="row" style={{ alignItems: 'flex-start' }}>
      <Text className="muted">{props.label}</Text>
      <Text data-testid={props.testId}>{props.value === null || props.value === undefined || props.value === '' ? '—' : props.value}</Text>
    </View>
  );
}

/** 姓名, 身份证号, 手机号 …: shown masked until the person asks to see them in full. */
function Profile(props: { p: MyDataProfile; full: boolean; testId?: string }) {
  const { p, full } = props;
  const id = p.idNumber === null ? DELETED : full ? p.idNumber : hide(p.idNumber);
  const phone = p.phone === null ? DELETED : full ? p.phone : hide(p.phone);
  return (
    <View>
      <Line label="姓名" value={p.name} />
      <Line label="身份证号" value={id} testId={props.testId ? `${props.testId}-id` : undefined} />
      <Line label="手机号" value={phone} testId={props.testId ? `${props.testId}-phone` : undefined} />
      <Line label="出生日期" value={p.birthDate === null ? DELETED : full ? p.birthDate : '****-**-**'} />
      <Line label="性别" value={p.gender === 'male' ? '男' : p.gender === 'female' ? '女' : null} />
      <Line label="工作单位" value={p.employer ?? DELETED} />
      <Line label="就业形态" value={EMPLOYMENT_TYPE_LABELS[p.employmentType as EmploymentType] ?? p.employmentType} />
      <Line label="八大群体" value={MEMBER_GROUP_LABELS[p.group as MemberGroup] ?? p.group} />
      <Line label="农民工" value={p.isMigrantWorker ? '是' : '否'} />
      <Line label="告知书版本" value={p.noticeVersion} />
    </View>
  );
}

/**
 * 我的数据 (PIPL 查阅权): everything the union stores about the signed-in person, and 退会.
 * Ballots are not listed: they are stored without any link to the voter.
 */
export function MyDataScreen() {
  const [data, setData] = useState<MyData | null>(null);
  const [full, setFull] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await privacyApi.myData());
    } catch (e) {
      setError(membershipErrorText(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const active = data?.memberships.find((m) => m.status === 'active') ?? null;

  const leave = async () => {
    if (!active || !data) return;
    const { confirm } = await Taro.showModal({
      title: '确定要退会吗？',
      content: `退会后，您在${active.orgName}的会籍终止，会员卡失效，职工代表等身份一并取消。确定退会吗？`,
      confirmText: '确认退会',
      confirmColor: '#c8161d',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      const res = await privacyApi.leave();
      await refreshSession().catch(() => undefined);
      setNotice(`您已退会。个人信息将保留至 ${formatDate(res.purgeAfter)}，之后删除或匿名化。`);
      await load();
    } catch (e) {
      setError(membershipErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!data) return <ErrorBanner message={error} />;
  return (
    <View data-testid="my-data">
      <ErrorBanner message={error} />
      <NoticeBanner message={notice} testId="leave-done" />
      <View className="card">
        <Text className="title">我的数据</Text>
        <Text className="muted">这里列出工会保存的您的全部个人信息，仅您本人可见。投票为无记名，选票不与您关联，因此不在此列。</Text>
        <Button className="btn-plain" data-testid="toggle-full" onClick={() => setFull((f) => !f)}>
          {full ? '隐藏完整号码' : '显示完整号码'}
        </Button>
      </View>

      <View className="card">
        <Text className="subtitle">账户</Text>
        <Line label="显示名称" value={data.user.displayName} />
        <Line label="身份" value={data.user.roles.map((r) => ROLE_LABELS[r.role as RoleName] ?? r.role).join('、') || '无'} />
        <Line label="微信标识（用于订阅消息）" value={data.user.wechatOpenId ?? '未关联（仅网页登录）'} />
      </View>

      <View className="card" data-testid="my-data-memberships">
        <Text className="subtitle">会籍（{data.memberships.length}）</Text>
        {data.memberships.length === 0 ? <Text className="muted">暂无</Text> : null}
        {data.memberships.map((m) => (
          <View key={m.membershipId} className="list-item">
            <Text className="subtitle">
              {m.orgName} · {MEMBERSHIP_STATUS_LABELS[m.status as MembershipStatus] ?? m.status}
            </Text>
            <Line label="会员编号" value={m.memberNumber} />
            <Line label="入会日期" value={formatDate(m.joinedAt)} />
            <Line label="结束日期" value={formatDate(m.endedAt)} />
            <Profile p={m} full={full} testId={m.status === 'active' ? 'active-membership' : undefined} />
            {m.status === 'active' ? (
              <Button className="btn-plain" data-testid="to-phone" onClick={() => Taro.navigateTo({ url: '/member/pages/phone/index' })}>
                更正手机号
              </Button>
            ) : null}
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="subtitle">入会申请（{data.applications.length}）</Text>
        {data.applications.map((a) => (
          <View key={a.applicationId} className="list-item">
            <Text>
              {a.orgName} · {APPLICATION_STATUS_LABELS[a.status as ApplicationStatus] ?? a.status} · 提交于 {formatDate(a.submittedAt)}
            </Text>
            {a.rejectReason ? <Text className="muted">未通过原因：{a.rejectReason}</Text> : null}
            <Profile p={a} full={full} />
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="subtitle">会籍转移（{data.transfers.length}）</Text>
        {data.transfers.map((t) => (
          <Text key={t.transferId} className="muted" style={{ display: 'block' }}>
            {formatDate(t.requestedAt)} {t.fromOrgName} → {t.toOrgName}：{TRANSFER_STATUS_LABELS[t.status]}
          </Text>
        ))}
      </View>

      <View className="card">
        <Text className="subtitle">福利申领（{data.claims.length}）</Text>
        {data.claims.map((c) => (
          <Text key={c.claimId} className="muted" style={{ display: 'block' }}>
            {formatDate(c.createdAt)} {c.benefitName}（{c.period}）：{CLAIM_STATUS_LABELS[c.status as ClaimStatus] ?? c.status}
            {Object.keys(c.facts).length
              ? ` · 申报：${Object.entries(c.facts)
                  .map(([k, v]) => `${k}=${String(v)}`)
                  .join('，')}`
              : ''}
          </Text>
        ))}
        <Text className="subtitle">商惠使用（{data.merchantUses.length}）</Text>
        {data.merchantUses.map((u) => (
          <Text key={u.useId} className="muted" style={{ display: 'block' }}>
            {formatDate(u.usedAt)} {u.merchantName}：{u.benefitName}（{u.discount}）
          </Text>
        ))}
        <Text className="subtitle">实事建议（{data.projectSuggestions.length}）</Text>
        {data.projectSuggestions.map((sg) => (
          <Text key={sg.suggestionId} className="muted" style={{ display: 'block' }}>
            {formatDate(sg.createdAt)} {sg.title}（{sg.category}，{sg.supportCount} 人支持
            {sg.mergedIntoTitle ? `，已合并到《${sg.mergedIntoTitle}》` : ''}）
          </Text>
        ))}
        <Text className="subtitle">消息（{data.notifications.length}）</Text>
        {data.notifications.map((n) => (
          <Text key={n.noteId} className="muted" style={{ display: 'block' }}>
            {formatDate(n.createdAt)} {n.title}：{n.body}（{n.readAt ? '已读' : '未读'}）
          </Text>
        ))}
        <Text className="subtitle">工会认定的信息</Text>
        {data.officerFacts ? (
          <Text className="muted">
            困难职工建档：{data.officerFacts.hardship ? '是' : '否'} · 劳动模范：{data.officerFacts.modelWorker ? '是' : '否'} ·
            一线医务人员：
            {data.officerFacts.frontlineMedical ? '是' : '否'}（{formatDate(data.officerFacts.updatedAt)} 更新）
          </Text>
        ) : (
          <Text className="muted">暂无</Text>
        )}
      </View>

      <View className="card">
        <Text className="subtitle">职代会</Text>
        {data.congress.delegateOf.map((s) => (
          <Text key={s.sessionId} className="muted" style={{ display: 'block' }}>
            代表：{s.sessionName}
            {s.delegation ? `（${s.delegation}）` : ''}
            {s.signedInAt ? ` · 已签到 ${formatDate(s.signedInAt)}` : ''}
          </Text>
        ))}
        {data.congress.proposals.map((p) => (
          <Text key={p.proposalId} className="muted" style={{ display: 'block' }}>
            提案：{p.title}（{formatDate(p.createdAt)}）
          </Text>
        ))}
        {data.congress.cosigned.map((p) => (
          <Text key={p.proposalId} className="muted" style={{ display: 'block' }}>
            附议：{p.title}（{formatDate(p.at)}）
          </Text>
        ))}
        {data.congress.votedIn.map((m) => (
          <Text key={m.motionId} className="muted" style={{ display: 'block' }}>
            已参加表决：{m.title}（无记名，不记录选择）
          </Text>
        ))}
      </View>

      {data.retention.length > 0 ? (
        <View className="card" data-testid="retention">
          <Text className="subtitle">退会后保留的信息</Text>
          {data.retention.map((r) => (
            <Text key={r.membershipId} className="muted" style={{ display: 'block' }}>
              {formatDate(r.leftAt)} 退会，个人信息保留至 {formatDate(r.purgeAfter)}，之后删除或匿名化。
            </Text>
          ))}
        </View>
      ) : null}

      {active ? (
        <View className="card" data-testid="leave-card">
          <Text className="subtitle">退会</Text>
          <Text className="muted">
            退会后：会籍终止，会员卡失效，会员、职工代表等身份同时取消；身份证号和手机号不再占用，以后可以重新入会；您的个人信息保留
            {data.retentionDays} 天后删除或匿名化；您参加过的无记名投票仍然有效并计入结果。
          </Text>
          <Button className="btn-plain" loading={busy} disabled={busy} data-testid="leave" onClick={leave}>
            申请退会
          </Button>
        </View>
      ) : null}
    </View>
  );
}
