import { Button, Input, Text, View } from '@tarojs/components';
import { type ApplicationView, EMPLOYMENT_TYPE_LABELS, MEMBER_GROUP_LABELS, type TransferView } from '@union/shared';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { formatDate, membershipErrorText } from './membership-api';
import { officerMembershipApi } from './officer-membership-api';
import { OfficerOrgPicker } from './officer-orgs';

/** 入会审核 and 会籍转入审核 for the officer's org and every org below it. */
export function OfficerReview() {
  const [orgId, setOrgId] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const applications = usePagedList<ApplicationView>(async (cursor) => {
    if (!orgId) return { items: [], nextCursor: null };
    const page = await officerMembershipApi.queue(orgId, cursor);
    return { items: page.applications, nextCursor: page.nextCursor };
  });
  const transferList = usePagedList<TransferView>(async (cursor) => {
    if (!orgId) return { items: [], nextCursor: null };
    const page = await officerMembershipApi.transfers(orgId, cursor);
    return { items: page.transfers, nextCursor: page.nextCursor };
  });
  const queue = applications.items;
  const transfers = transferList.items;
  const { reload: reloadApplications } = applications;
  const { reload: reloadTransfers } = transferList;

  const load = useCallback(async () => {
    if (!orgId) return;
    try {
      await Promise.all([reloadApplications(), reloadTransfers()]);
    } catch (e) {
      setError(membershipErrorText(e));
    }
  }, [orgId, reloadApplications, reloadTransfers]);
  const more = (list: { loadMore(): Promise<void> }) => () => list.loadMore().catch((e) => setError(membershipErrorText(e)));
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      setNotice(done);
    } catch (e) {
      setError(membershipErrorText(e));
    }
    await load();
  };

  return (
    <View>
      <OfficerOrgPicker value={orgId} onChange={setOrgId} />
      <ErrorBanner message={error} />
      <NoticeBanner message={notice} />
      <View className="card">
        <Text className="subtitle">
          待审核的入会申请（{queue.length}
          {applications.hasMore ? '+' : ''}）
        </Text>
        {queue.length === 0 ? <Text className="muted">暂无待审核申请</Text> : null}
        {queue.map((a) => (
          <View key={a.applicationId} className="list-item" data-testid={`application-${a.applicationId}`}>
            <Text className="subtitle">
              {a.name}（{a.age} 岁）
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {a.orgName} · 手机 {a.phoneMasked} · 身份证 {a.idNumberMasked}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {a.employer} · {EMPLOYMENT_TYPE_LABELS[a.employmentType]} · {MEMBER_GROUP_LABELS[a.group]}
              {a.isMigrantWorker ? ' · 农民工' : ''} · 提交于 {formatDate(a.submittedAt)}
            </Text>
            <Input
              className="input"
              data-testid="reject-reason-input"
              placeholder="驳回理由（驳回时必填）"
              value={reasons[a.applicationId] ?? ''}
              onInput={(e) => setReasons((r) => ({ ...r, [a.applicationId]: e.detail.value }))}
            />
            <View className="row" style={{ justifyContent: 'flex-start' }}>
              <Button
                size="mini"
                className="btn-primary"
                data-testid="approve"
                onClick={() => act(() => officerMembershipApi.approve(a.applicationId), `已批准${a.name}入会`)}
              >
                批准入会
              </Button>
              <Button
                size="mini"
                className="btn-plain"
                data-testid="reject"
                onClick={() =>
                  act(() => officerMembershipApi.reject(a.applicationId, reasons[a.applicationId] ?? ''), `已驳回${a.name}的申请`)
                }
              >
                驳回
              </Button>
            </View>
          </View>
        ))}
        <LoadMore hasMore={applications.hasMore} loading={applications.loading} onLoad={more(applications)} testId="applications-more" />
      </View>
      <View className="card">
        <Text className="subtitle">
          待接收的会籍转移（{transfers.length}
          {transferList.hasMore ? '+' : ''}）
        </Text>
        {transfers.length === 0 ? <Text className="muted">暂无</Text> : null}
        {transfers.map((t) => (
          <View key={t.transferId} className="list-item" data-testid={`transfer-${t.transferId}`}>
            <Text className="subtitle">
              {t.name}：{t.fromOrgName}（原编号 {t.fromMemberNumber}）→ {t.toOrgName}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              提交于 {formatDate(t.requestedAt)}
              {t.note ? ` · 转移原因：${t.note}` : ''}
            </Text>
            <Input
              className="input"
              data-testid="transfer-reason"
              placeholder="不接收的理由（不接收时必填）"
              value={reasons[t.transferId] ?? ''}
              onInput={(e) => setReasons((r) => ({ ...r, [t.transferId]: e.detail.value }))}
            />
            <View className="row" style={{ justifyContent: 'flex-start' }}>
              <Button
                size="mini"
                className="btn-primary"
                data-testid="approve-transfer"
                onClick={() => act(() => officerMembershipApi.approveTransfer(t.transferId), `已接收${t.name}的会籍转入`)}
              >
                同意转入
              </Button>
              <Button
                size="mini"
                className="btn-plain"
                data-testid="reject-transfer"
                onClick={() => {
                  const reason = (reasons[t.transferId] ?? '').trim();
                  if (reason.length < 2) {
                    setError('不接收的理由：请填写理由（至少 2 个字），会员会看到');
                    return;
                  }
                  void act(() => officerMembershipApi.rejectTransfer(t.transferId, reason), `已不接收${t.name}的会籍转入`);
                }}
              >
                不接收
              </Button>
            </View>
          </View>
        ))}
        <LoadMore hasMore={transferList.hasMore} loading={transferList.loading} onLoad={more(transferList)} testId="transfers-more" />
      </View>
    </View>
  );
}
