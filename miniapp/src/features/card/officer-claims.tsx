import { Button, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, type ClaimStatus, type OfficerClaimView } from '@union/shared';
import { CLAIM_FACTS } from '@union/shared/domain/eligibility/index';
import { useRef, useState } from 'react';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { useSignedIn } from '../../components/use-signed-in';
import { cardApi, cardErrorText, formatDateTime, type Publicity } from './card-api';
import { OfficerDelegations } from './officer-delegations';
import { officerOrgIds } from './officer-org';
import './card.scss';

/** 申领审核: the queue of the officer's subtree; approve, reject with a reason, publish 公示. */
export function OfficerClaims() {
  useSignedIn();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [status, setStatus] = useState<ClaimStatus>('pending');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publicity, setPublicity] = useState<Publicity | null>(null);
  // The org and status the next page is read for (set before reload, read by the fetcher).
  const query = useRef<{ org: string | null; status: ClaimStatus }>({ org: null, status: 'pending' });
  const list = usePagedList<OfficerClaimView>(async (cursor) => {
    const { org, status: s } = query.current;
    if (!org) return { items: [], nextCursor: null };
    const page = await cardApi.orgClaims(org, s, cursor);
    return { items: page.claims, nextCursor: page.nextCursor };
  });
  const claims = list.items;

  const load = async (org: string | null = orgId, s: ClaimStatus = status) => {
    query.current = { org, status: s };
    try {
      await list.reload();
      setError(null);
    } catch (e) {
      setError(cardErrorText(e));
    }
  };

  useDidShow(() => {
    const first = officerOrgIds()[0] ?? null;
    setOrgId(first);
    void load(first, status);
  });

  const act = async (f: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    setError(null);
    try {
      await f();
      setMessage(ok);
      await load();
    } catch (e) {
      setError(cardErrorText(e));
    }
  };

  const benefits = [...new Map(claims.map((c) => [c.benefitId, c.benefitName])).entries()];

  return (
    <View className="page page-wide card-page officer-card-page" data-testid="officer-claims">
      <View className="card">
        <Text className="cp-title">申领审核</Text>
        <Text className="cp-small">含本组织及下级工会会员的申领。审核通过即占用名额，名额用完将无法通过。</Text>
        <View className="oc-tabs">
          {CLAIM_STATUSES.map((s) => (
            <Text
              key={s}
              className={`oc-tab${s === status ? ' oc-tab-active' : ''}`}
              onClick={() => {
                setStatus(s);
                setPublicity(null);
                void load(orgId, s);
              }}
            >
              {CLAIM_STATUS_LABELS[s]}
            </Text>
          ))}
        </View>
      </View>
      {message ? <Text className="ok-banner">{message}</Text> : null}
      {error ? <Text className="error-banner">{error}</Text> : null}
      <View className="card">
        {claims.length === 0 ? <Text className="cp-small">暂无{CLAIM_STATUS_LABELS[status]}的申领。</Text> : null}
        {claims.map((c) => (
          <View key={c.claimId} className="oc-row" data-testid={`officer-claim-${c.claimId}`} data-member={c.memberName}>
            <View>
              <Text className="cp-text">
                {c.benefitName} · {c.memberName}（{c.memberNumber}）
              </Text>
              <Text className="cp-small">
                {c.orgName} · 申领于 {formatDateTime(c.createdAt)}
              </Text>
              {Object.keys(c.facts).length > 0 ? (
                <Text className="cp-small">
                  填报：
                  {Object.entries(c.facts)
                    .map(([k, v]) => {
                      const spec = (CLAIM_FACTS as Record<string, { label: string; unit?: string }>)[k];
                      return `${spec?.label ?? k}：${typeof v === 'boolean' ? (v ? '是' : '否') : String(v)}${spec?.unit ?? ''}`;
                    })
                    .join('；')}
                </Text>
              ) : null}
              {c.reasons.map((r) => (
                <Text key={r.text} className={`cp-small ${r.met ? 'reason-ok' : 'reason-no'}`}>
                  {r.text}
                </Text>
              ))}
              {c.rejectionReason ? <Text className="cp-small reason-no">未通过原因：{c.rejectionReason}</Text> : null}
            </View>
            {c.status === 'pending' && !c.decidable ? (
              <Text className="cp-small" data-testid="not-decidable">
                本人的申领或上级工会发布的福利：请由其他干部、发布单位或其委托审核的工会审核
              </Text>
            ) : null}
            {c.status === 'pending' && c.decidable ? (
              <View>
                <Button
                  className="btn-primary"
                  size="mini"
                  data-testid="approve"
                  onClick={() => act(() => cardApi.approve(c.claimId), `已通过 ${c.memberName} 的申领`)}
                >
                  通过
                </Button>
                <Input
                  className="input"
                  placeholder="不通过的理由"
                  value={reasons[c.claimId] ?? ''}
                  onInput={(e) => setReasons({ ...reasons, [c.claimId]: e.detail.value })}
                />
                <Button
                  className="btn-plain"
                  size="mini"
                  onClick={() => act(() => cardApi.reject(c.claimId, reasons[c.claimId] ?? ''), `已退回 ${c.memberName} 的申领`)}
                >
                  不通过
                </Button>
              </View>
            ) : null}
          </View>
        ))}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loading}
          onLoad={() => list.loadMore().catch((e) => setError(cardErrorText(e)))}
          testId="claims-more"
        />
      </View>
      {status === 'approved' && orgId && benefits.length > 0 ? (
        <View className="card">
          <Text className="cp-h2">公示</Text>
          {benefits.map(([benefitId, name]) => (
            <Button
              key={benefitId}
              className="btn-plain"
              onClick={() => act(async () => setPublicity((await cardApi.publishPublicity(orgId, benefitId)).publicity), `已公示：${name}`)}
            >
              公示“{name}”通过名单
            </Button>
          ))}
          {publicity ? (
            <View data-testid="publicity">
              <Text className="cp-text">
                {publicity.benefitName}（{publicity.period} 年度）通过名单，共 {publicity.entries.length} 人：
              </Text>
              <Text className="cp-small" data-testid="publicity-period">
                公示期：{publicity.startsOn} 至 {publicity.endsOn}（仅本组织及下级组织会员可见，期满不再展示）
              </Text>
              {publicity.entries.map((e) => (
                <Text key={`${e.maskedName}-${e.decidedAt}`} className="cp-small">
                  {e.maskedName} · {e.orgName}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
      {orgId ? <OfficerDelegations orgId={orgId} /> : null}
    </View>
  );
}
