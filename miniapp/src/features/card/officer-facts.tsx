import { Button, Switch, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { OFFICER_FACT_KEYS, OFFICER_FACT_LABELS, type OfficerFactKey } from '@union/shared';
import { useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { useSignedIn } from '../../components/use-signed-in';
import { ApiError } from '../../lib/api';
import { cardApi, cardErrorText, type OfficerFactsRow } from './card-api';
import { officerOrgIds } from './officer-org';
import './card.scss';

/**
 * 会员认定: facts members cannot declare themselves (困难职工建档, 劳模, 一线医务人员), and the
 * confirmation of what they declared at 入会 (八大群体, 农民工) — 免申即享 rests on it only once confirmed.
 */
export function OfficerFacts() {
  useSignedIn();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedList<OfficerFactsRow>(async (cursor) => {
    const org = orgId ?? officerOrgIds()[0];
    if (!org) return { items: [], nextCursor: null };
    const page = await cardApi.memberFacts(org, cursor);
    return { items: page.members, nextCursor: page.nextCursor };
  });
  const rows = list.items;

  useDidShow(() => {
    setOrgId(officerOrgIds()[0] ?? null);
    list.reload().catch((e) => setError(cardErrorText(e)));
  });

  const loadMore = () => list.loadMore().catch((e) => setError(cardErrorText(e)));

  /** Sends one change from the row's version; a stale row reloads to what is stored now. */
  const save = async (row: OfficerFactsRow, change: Parameters<typeof cardApi.setFacts>[2], done: string) => {
    if (!orgId) return;
    setMessage(null);
    setError(null);
    const replace = (next: Pick<OfficerFactsRow, 'facts' | 'version' | 'declared'>) =>
      list.setItems((current) => current.map((r) => (r.userId === row.userId ? { ...r, ...next } : r)));
    try {
      replace(await cardApi.setFacts(orgId, row.userId, change, row.version));
      setMessage(done);
    } catch (e) {
      setError(cardErrorText(e));
      // Someone else edited this member meanwhile: show what is stored now, to edit from there.
      if (e instanceof ApiError && e.code === 'FACTS_STALE') {
        await cardApi
          .memberFactsOf(orgId, row.userId)
          .then(replace)
          .catch(() => undefined);
      }
    }
  };

  const toggle = (row: OfficerFactsRow, key: OfficerFactKey, value: boolean) =>
    save(row, { [key]: value }, `已${value ? '认定' : '取消'}${row.name}：${OFFICER_FACT_LABELS[key]}`);
  const confirmDeclared = (row: OfficerFactsRow) => save(row, { confirmDeclared: true }, `已确认${row.name}入会时申报的信息`);

  return (
    <View className="page page-wide card-page officer-card-page" data-testid="officer-facts">
      <View className="card">
        <Text className="cp-title">会员认定</Text>
        <Text className="cp-small">
          困难职工建档、劳动模范、一线医务人员由工会认定，会员本人不能自行填报，干部也不能为本人认定。认定后，相关特惠福利立即按新情况判断。
          会员入会时申报的八大群体、农民工等身份，经审核入会的已由审核干部确认；扫码自动入会的需在此核实确认，确认前相关“免申即享”申领转人工审核。
        </Text>
      </View>
      <NoticeBanner message={message} />
      <ErrorBanner message={error} testId="facts-error" />
      <View className="card">
        {rows.length === 0 && !list.loading ? <Text className="cp-small">本组织及下级工会暂无在会会员。</Text> : null}
        {rows.map((r) => (
          <View key={r.userId} className="oc-row" data-testid={`facts-${r.userId}`}>
            <View>
              <Text className="cp-text">
                {r.name}（{r.memberNumber}）
              </Text>
              <Text className="cp-small">{r.orgName}</Text>
              <Text className="cp-small" data-testid="declared">
                入会申报：{r.declared.groupText}
                {r.declared.isMigrantWorker ? '、农民工' : ''}、{r.declared.employmentTypeText}（
                {r.declared.confirmed ? '已确认' : '待确认'}）
              </Text>
            </View>
            <View>
              {OFFICER_FACT_KEYS.map((k) => (
                <View key={k} className="oc-fact">
                  <Text>{OFFICER_FACT_LABELS[k]}</Text>
                  <Switch checked={r.facts[k]} color="#c8161d" onChange={(e) => toggle(r, k, e.detail.value)} />
                </View>
              ))}
              {r.declared.confirmed ? null : (
                <Button className="btn-plain oc-confirm" size="mini" data-testid="confirm-declared" onClick={() => confirmDeclared(r)}>
                  确认申报属实
                </Button>
              )}
            </View>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loading} onLoad={loadMore} testId="facts-more" />
      </View>
    </View>
  );
}
