import { Button, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { fieldIssues } from '@union/shared';
import { createMerchantRequest } from '@union/shared/contracts/merchant.contract';
import type { MerchantView, UseView } from '@union/shared/contracts/merchant-responses.contract';
import { useEffect, useRef, useState } from 'react';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { useSignedIn } from '../../components/use-signed-in';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../card/card-api';
import { officerOrgIds } from '../card/officer-org';
import { catalogApi } from '../catalog/catalog-api';
import { merchantApi, merchantErrorText } from './merchant-api';
import '../card/card.scss';

const EMPTY = { merchantName: '', address: '', discount: '', limitPerPeriod: '' };
const FIELDS: Array<{ key: keyof typeof EMPTY; label: string; placeholder: string }> = [
  { key: 'merchantName', label: '商户名称', placeholder: '如：临江惠民超市' },
  { key: 'address', label: '地址', placeholder: '区、街道、门牌号（可不填）' },
  { key: 'discount', label: '在本店的优惠', placeholder: '如：凭会员卡购物享受9.5折优惠' },
  { key: 'limitPerPeriod', label: '每人每年次数上限', placeholder: '计划写明次数时填写，否则留空' },
];

/** The 商惠 entries of the org's latest catalog (the names merchants link to: they stay across versions). */
const merchantEntries = async (orgId: string): Promise<string[]> => {
  const versions = await catalogApi.versions(orgId);
  const latest = versions.versions[0];
  if (!latest) return [];
  const { catalog } = await catalogApi.version(orgId, latest.version);
  return catalog.entries.filter((e) => e.tier === '商惠').map((e) => e.name);
};

/** 商惠商户: the org's merchants, each linked to a 商惠 entry, their staff accounts and the uses recorded there. */
export function OfficerMerchants() {
  useSignedIn();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [entries, setEntries] = useState<string[]>([]);
  const [entry, setEntry] = useState<string | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const orgIdRef = useRef<string | null>(null);
  const merchants = usePagedList<MerchantView>(async (cursor) => {
    if (!orgIdRef.current) return { items: [], nextCursor: null };
    const page = await merchantApi.list(orgIdRef.current, cursor);
    return { items: page.merchants, nextCursor: page.nextCursor };
  });

  useDidShow(() => {
    const org = officerOrgIds()[0] ?? null;
    setOrgId(org);
    orgIdRef.current = org;
    if (!org) return;
    merchantEntries(org)
      .then((names) => {
        setEntries(names);
        setEntry(names[0] ?? null);
      })
      .catch((e) => setError(merchantErrorText(e)));
    merchants.reload().catch((e) => setError(merchantErrorText(e)));
  });

  const submit = async () => {
    if (!orgId) return;
    setFieldError(null);
    setMessage(null);
    setError(null);
    const parsed = createMerchantRequest.safeParse({
      merchantName: form.merchantName,
      address: form.address,
      benefitName: entry ?? '',
      discount: form.discount,
      ...(form.limitPerPeriod.trim() ? { limitPerPeriod: Number(form.limitPerPeriod) } : {}),
    });
    if (!parsed.success) {
      const first = fieldIssues(parsed.error)[0];
      if (first) setFieldError({ field: first.field, message: first.message });
      return;
    }
    try {
      const { merchant } = await merchantApi.create(orgId, parsed.data);
      setMessage(`已添加商户：${merchant.name}`);
      setForm(EMPTY);
      await merchants.reload();
    } catch (e) {
      if (e instanceof ApiError && e.field) setFieldError({ field: e.field, message: e.message });
      else setError(merchantErrorText(e));
    }
  };

  return (
    <View className="page page-wide card-page officer-card-page" data-testid="officer-merchants">
      <View className="card">
        <Text className="cp-title">商惠商户</Text>
        <Text className="cp-small">商户与服务目录中的一项商惠关联（按名称，目录版本本身不改动）。店员账号扫会员卡核验并记录优惠使用。</Text>
        <Text className="field-label">商惠项目（本组织最新目录）</Text>
        {entries.length === 0 ? <Text className="cp-small">本组织最新的服务目录中没有商惠项目，请先在服务目录中发布。</Text> : null}
        <View className="oc-tabs">
          {entries.map((name) => (
            <Text key={name} className={`oc-tab${name === entry ? ' oc-tab-active' : ''}`} onClick={() => setEntry(name)}>
              {name}
            </Text>
          ))}
        </View>
        {fieldError?.field === 'benefitName' ? <Text className="field-error">{fieldError.message}</Text> : null}
        {FIELDS.map((f) => (
          <View key={f.key} className="field">
            <Text className="field-label">{f.label}</Text>
            <Input
              className={`input${fieldError?.field === f.key ? ' input-error' : ''}`}
              type={f.key === 'limitPerPeriod' ? 'number' : 'text'}
              placeholder={f.placeholder}
              value={form[f.key]}
              onInput={(e) => setForm({ ...form, [f.key]: e.detail.value })}
            />
            {fieldError?.field === f.key ? <Text className="field-error">{fieldError.message}</Text> : null}
          </View>
        ))}
        <Button className="btn-primary" onClick={submit} data-testid="merchant-submit">
          添加商户
        </Button>
      </View>
      {message ? <Text className="ok-banner">{message}</Text> : null}
      {error ? <Text className="error-banner">{error}</Text> : null}
      <View className="card">
        <Text className="cp-h2">本组织的商户</Text>
        {merchants.items.length === 0 ? <Text className="cp-small">还没有商户。</Text> : null}
        {merchants.items.map((m) => (
          <View key={m.merchantId} className="oc-row" data-testid={`merchant-${m.merchantId}`}>
            <View className="row-main">
              <Text className="cp-text">{m.name}</Text>
              <Text className="cp-small">
                {m.benefitName} · {m.discount}
                {m.limitPerPeriod === null ? '' : ` · 每人每年限 ${m.limitPerPeriod} 次`}
                {m.address ? ` · ${m.address}` : ''}
              </Text>
            </View>
            <Button
              className="btn-plain"
              size="mini"
              onClick={() => setOpen(open === m.merchantId ? null : m.merchantId)}
              data-testid="merchant-uses-toggle"
            >
              {open === m.merchantId ? '收起' : '使用记录与店员'}
            </Button>
            {open === m.merchantId ? <MerchantDetail merchant={m} onError={setError} /> : null}
          </View>
        ))}
        <LoadMore
          hasMore={merchants.hasMore}
          loading={merchants.loading}
          onLoad={() => merchants.loadMore().catch((e) => setError(merchantErrorText(e)))}
          testId="merchants-more"
        />
      </View>
    </View>
  );
}

/** One merchant's uses (paged, newest first: masked member number and org, never a name) and its staff binding. */
function MerchantDetail({ merchant, onError }: { merchant: MerchantView; onError(text: string): void }) {
  const [staffId, setStaffId] = useState('');
  const [bound, setBound] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const uses = usePagedList<UseView>(async (cursor) => {
    const page = await merchantApi.uses(merchant.merchantId, cursor);
    return { items: page.uses, nextCursor: page.nextCursor };
  });
  const { reload } = uses;
  useEffect(() => {
    reload()
      .then(() => setLoaded(true))
      .catch((e) => onError(merchantErrorText(e)));
  }, [reload, onError]);
  const bind = async () => {
    try {
      const r = await merchantApi.bindStaff(merchant.merchantId, staffId.trim());
      setBound(`已绑定店员：${r.displayName}（请其重新登录后使用“核验会员卡”）`);
      setStaffId('');
    } catch (e) {
      onError(merchantErrorText(e));
    }
  };
  return (
    <View style={{ width: '100%' }} data-testid="merchant-detail">
      <Text className="cp-h2">使用记录</Text>
      {loaded && uses.items.length === 0 ? <Text className="cp-small">还没有使用记录。</Text> : null}
      {uses.items.map((u) => (
        <Text key={u.useId} className="cp-small" data-testid="merchant-use">
          {formatDateTime(u.usedAt)} · 会员 {u.memberNumberMasked}（{u.memberOrgName}）· {u.discount}
        </Text>
      ))}
      <LoadMore
        hasMore={uses.hasMore}
        loading={uses.loading}
        onLoad={() => uses.loadMore().catch((e) => onError(merchantErrorText(e)))}
        testId="merchant-uses-more"
      />
      <View className="row">
        <Input className="input row-main" placeholder="店员账号 ID" value={staffId} onInput={(e) => setStaffId(e.detail.value)} />
        <Button className="btn-plain" size="mini" onClick={bind}>
          绑定店员
        </Button>
      </View>
      {bound ? <Text className="ok-banner">{bound}</Text> : null}
    </View>
  );
}
