import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { inviteIdFromScan, ORG_KIND_LABELS, type OrgKind, TRANSFER_STATUS_LABELS, type TransferView } from '@union/shared';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { platform } from '../../lib/platform';
import { askToSubscribe } from '../../lib/subscribe';
import { formatDate, type MyMembership, membershipApi, membershipErrorText } from './membership-api';

/** The receiving org the member picked: from the new union's invite (QR or code), or a 联合工会 found by area. */
type Target = { orgId: string; name: string; kind: string; lineage: string };

/** Whether a transfer is still waiting (only one may be). */
const pendingOf = (transfers: TransferView[]) => transfers.find((t) => t.status === 'pending') ?? null;

/** 会籍转移: pick the receiving union, say why, send; follow the request until the receiving union decides. */
export function TransferFlow(props: { inviteId: string | null }) {
  const [mine, setMine] = useState<MyMembership | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState(props.inviteId ?? '');
  const [area, setArea] = useState('');
  const [searched, setSearched] = useState(false);
  const [target, setTarget] = useState<Target | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const unions = usePagedList<{ orgId: string; name: string }>(async (cursor) => {
    const page = await membershipApi.jointUnions(area.trim(), cursor);
    return { items: page.orgs, nextCursor: page.nextCursor };
  });

  const load = useCallback(async () => {
    try {
      setMine(await membershipApi.myMembership());
    } catch (e) {
      setError(membershipErrorText(e));
    }
  }, []);

  const resolveInvite = useCallback(async (raw: string) => {
    setError(null);
    const id = inviteIdFromScan(raw);
    if (!id) {
      setError('入会码：请输入新单位工会提供的 16 位入会码或入会链接');
      return;
    }
    try {
      const found = await membershipApi.invite(id);
      setTarget({
        orgId: found.org.orgId,
        name: found.org.name,
        kind: ORG_KIND_LABELS[found.org.kind as OrgKind] ?? found.org.kind,
        lineage: found.org.lineageNames.join(' › '),
      });
    } catch (e) {
      setError(membershipErrorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
    if (props.inviteId) void resolveInvite(props.inviteId);
  }, [load, resolveInvite, props.inviteId]);

  const m = mine?.membership ?? null;
  const transfers = mine?.transfers ?? [];
  const pending = pendingOf(transfers);

  const send = async () => {
    if (!target) return;
    const text = note.trim();
    if (text.length < 2) {
      setNoteError('转移原因：请写明原因（至少 2 个字），如“已调入新单位工作”');
      return;
    }
    setNoteError(null);
    setError(null);
    setSending(true);
    // In the tap, before anything is awaited (WeChat's rule): to be told the receiving union's decision.
    void askToSubscribe('transfer');
    try {
      await membershipApi.requestTransfer(target.orgId, text);
      setNotice(`已向${target.name}申请会籍转移，请等待对方工会审核`);
      setTarget(null);
      setNote('');
      await load();
    } catch (e) {
      setError(membershipErrorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <View>
      <ErrorBanner message={error} testId="transfer-error" />
      <NoticeBanner message={notice} testId="transfer-notice" />
      {mine && !m ? (
        <View className="card">
          <Text className="title">您还不是会员</Text>
          <Text className="muted">会籍转移只适用于已入会的会员。请先扫码入会。</Text>
        </View>
      ) : null}
      {m ? (
        <View className="card">
          <Text className="field-label">当前会籍</Text>
          <Text className="subtitle">{m.orgName}</Text>
          <Text className="muted">
            会员编号 {m.memberNumber} · 入会日期 {formatDate(m.joinedAt)}
          </Text>
        </View>
      ) : null}
      {pending ? (
        <View className="card" data-testid="transfer-pending">
          <Text className="title">转移申请审核中</Text>
          <Text className="subtitle">转入：{pending.toOrgName}</Text>
          <Text className="muted" style={{ display: 'block' }}>
            提交于 {formatDate(pending.requestedAt)}
            {pending.note ? ` · 原因：${pending.note}` : ''}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            对方工会审核通过后，会籍即转入，原会员编号在“我的会籍”中保留。审核期间不能再提交新的转移申请。
          </Text>
        </View>
      ) : null}
      {m && !pending ? (
        <View className="card" data-testid="transfer-form">
          <Text className="title">申请会籍转移</Text>
          <Text className="muted">换了工作单位？向新单位工会索取入会二维码或入会码；单位没有工会的，可以转入所在区域的联合工会。</Text>
          <View className="field">
            <Text className="field-label">新单位工会的入会码</Text>
            <Input
              className="input"
              data-testid="transfer-code"
              placeholder="16 位入会码或入会链接"
              value={code}
              onInput={(e) => setCode(e.detail.value)}
            />
          </View>
          <View className="row" style={{ justifyContent: 'flex-start' }}>
            <Button className="btn-plain" size="mini" data-testid="transfer-find-code" onClick={() => resolveInvite(code)}>
              查找工会
            </Button>
            <Button
              className="btn-plain"
              size="mini"
              onClick={async () => {
                try {
                  const scanned = await platform.scanCode();
                  setCode(scanned);
                  await resolveInvite(scanned);
                } catch (e) {
                  setError(membershipErrorText(e));
                }
              }}
            >
              扫一扫
            </Button>
          </View>
          <View className="field">
            <Text className="field-label">或按区域查找联合工会</Text>
            <Input
              className="input"
              data-testid="transfer-area"
              placeholder="如：临江区"
              value={area}
              onInput={(e) => setArea(e.detail.value)}
            />
          </View>
          <Button
            className="btn-plain"
            size="mini"
            onClick={async () => {
              setError(null);
              try {
                await unions.reload();
                setSearched(true);
              } catch (e) {
                setError(membershipErrorText(e));
              }
            }}
          >
            查找联合工会
          </Button>
          {searched ? (
            <View data-testid="transfer-unions">
              {unions.items.length === 0 ? <Text className="muted">该区域暂无联合工会。</Text> : null}
              {unions.items
                .filter((u) => u.orgId !== m.orgId)
                .map((u) => (
                  <View key={u.orgId} className="list-item row">
                    <Text>{u.name}</Text>
                    <Button
                      className="btn-plain"
                      size="mini"
                      onClick={() => setTarget({ orgId: u.orgId, name: u.name, kind: ORG_KIND_LABELS.joint, lineage: '' })}
                    >
                      选择
                    </Button>
                  </View>
                ))}
              <LoadMore
                hasMore={unions.hasMore}
                loading={unions.loading}
                onLoad={() => unions.loadMore().catch((e) => setError(membershipErrorText(e)))}
                testId="transfer-unions-more"
              />
            </View>
          ) : null}
        </View>
      ) : null}
      {m && !pending && target ? (
        <View className="card" data-testid="transfer-target">
          <Text className="muted">转入工会</Text>
          <Text className="title">{target.name}</Text>
          <Text className="tag">{target.kind}</Text>
          {target.lineage ? (
            <Text className="muted" style={{ display: 'block' }}>
              {target.lineage}
            </Text>
          ) : null}
          {target.orgId === m.orgId ? (
            <Text className="muted" style={{ display: 'block' }}>
              您的会籍已在该工会，无需转移。
            </Text>
          ) : (
            <View>
              <View className="field">
                <Text className="field-label">转移原因</Text>
                <Textarea
                  className="input"
                  data-testid="transfer-note"
                  maxlength={200}
                  placeholder="如：已调入新单位工作"
                  value={note}
                  onInput={(e) => {
                    setNote(e.detail.value);
                    setNoteError(null);
                  }}
                />
                {noteError ? (
                  <Text className="field-error" data-testid="error-note">
                    {noteError}
                  </Text>
                ) : null}
              </View>
              <Button className="btn-primary" data-testid="transfer-submit" loading={sending} disabled={sending} onClick={send}>
                提交转移申请
              </Button>
            </View>
          )}
        </View>
      ) : null}
      {transfers.length > 0 ? (
        <View className="card" data-testid="transfer-list">
          <Text className="subtitle">我的转移申请</Text>
          {transfers.map((t) => (
            <View key={t.transferId} className="list-item" data-testid={`transfer-${t.status}`}>
              <View className="row">
                <Text>
                  {t.fromOrgName} → {t.toOrgName}
                </Text>
                <Text className="tag" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                  {TRANSFER_STATUS_LABELS[t.status]}
                </Text>
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                提交于 {formatDate(t.requestedAt)}
                {t.decidedAt ? ` · 处理于 ${formatDate(t.decidedAt)}` : ''}
                {t.newMemberNumber ? ` · 新编号 ${t.newMemberNumber}` : ''}
              </Text>
              {t.rejectReason ? (
                <Text className="error-banner" style={{ display: 'block' }} data-testid="transfer-reject-reason">
                  未接收原因：{t.rejectReason}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
