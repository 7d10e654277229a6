import { Button, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { createPlaceRequest, fieldIssues, PLACE_KINDS, type PlaceKind, type PlaceView } from '@union/shared';
import { useState } from 'react';
import { useSignedIn } from '../../components/use-signed-in';
import { ApiError } from '../../lib/api';
import { cardApi, cardErrorText } from './card-api';
import { officerOrgIds } from './officer-org';
import './card.scss';

const EMPTY = { name: '', address: '', lat: '', lng: '', openingHours: '' };
const FIELDS: Array<{ key: keyof typeof EMPTY; label: string; placeholder: string }> = [
  { key: 'name', label: '名称', placeholder: '如：滨江路户外劳动者驿站' },
  { key: 'address', label: '地址', placeholder: '区、街道、门牌号' },
  { key: 'lat', label: '纬度', placeholder: '如 30.2512' },
  { key: 'lng', label: '经度', placeholder: '如 120.2125' },
  { key: 'openingHours', label: '开放时间', placeholder: '如 全天开放 / 9:00-17:00' },
];

/** 阵地管理: officers enter 职工书屋, 爱心妈咪小屋, 户外劳动者驿站, 职工之家 with coordinates. */
export function OfficerPlaces() {
  useSignedIn();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [kind, setKind] = useState<PlaceKind>('户外劳动者驿站');
  const [form, setForm] = useState(EMPTY);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [places, setPlaces] = useState<PlaceView[]>([]);
  const [editing, setEditing] = useState<string | null>(null);

  const load = (org: string | null = orgId) =>
    org
      ? cardApi
          .orgPlaces(org)
          .then((r) => setPlaces(r.places))
          .catch((e) => setError(cardErrorText(e)))
      : Promise.resolve();

  useDidShow(() => {
    const org = officerOrgIds()[0] ?? null;
    setOrgId(org);
    void load(org);
  });

  const edit = (p: PlaceView) => {
    setEditing(p.placeId);
    setKind(p.kind);
    setForm({ name: p.name, address: p.address, lat: String(p.lat), lng: String(p.lng), openingHours: p.openingHours });
    setFieldError(null);
    setMessage(null);
  };

  const close = async (p: PlaceView) => {
    setError(null);
    try {
      await cardApi.closePlace(p.placeId);
      setMessage(`已关闭：${p.name}`);
      await load();
    } catch (e) {
      setError(cardErrorText(e));
    }
  };

  const submit = async () => {
    if (!orgId) return;
    setFieldError(null);
    setMessage(null);
    setError(null);
    const parsed = createPlaceRequest.safeParse({ kind, ...form });
    if (!parsed.success) {
      const first = fieldIssues(parsed.error)[0];
      if (first) setFieldError({ field: first.field, message: first.message });
      return;
    }
    try {
      if (editing) await cardApi.editPlace(editing, parsed.data);
      else await cardApi.addPlace(orgId, parsed.data);
      setMessage(`${editing ? '已保存' : '已添加'}：${parsed.data.name}`);
      setEditing(null);
      setForm(EMPTY);
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.field) setFieldError({ field: e.field, message: e.message });
      else setError(cardErrorText(e));
    }
  };

  return (
    <View className="page page-wide card-page officer-card-page" data-testid="officer-places">
      <View className="card">
        <Text className="cp-title">阵地管理</Text>
        <View className="oc-tabs">
          {PLACE_KINDS.map((k) => (
            <Text key={k} className={`oc-tab${k === kind ? ' oc-tab-active' : ''}`} onClick={() => setKind(k)}>
              {k}
            </Text>
          ))}
        </View>
        {FIELDS.map((f) => (
          <View key={f.key} className="field">
            <Text className="field-label">{f.label}</Text>
            <Input
              className={`input${fieldError?.field === f.key ? ' input-error' : ''}`}
              type={f.key === 'lat' || f.key === 'lng' ? 'digit' : 'text'}
              placeholder={f.placeholder}
              value={form[f.key]}
              onInput={(e) => setForm({ ...form, [f.key]: e.detail.value })}
            />
            {fieldError?.field === f.key ? <Text className="field-error">{fieldError.message}</Text> : null}
          </View>
        ))}
        <Button className="btn-primary" onClick={submit} data-testid="place-submit">
          {editing ? '保存修改' : '添加阵地'}
        </Button>
        {editing ? (
          <Button
            className="btn-plain"
            onClick={() => {
              setEditing(null);
              setForm(EMPTY);
            }}
          >
            取消修改
          </Button>
        ) : null}
      </View>
      {message ? <Text className="ok-banner">{message}</Text> : null}
      {error ? <Text className="error-banner">{error}</Text> : null}
      <View className="card">
        <Text className="cp-h2">已登记的阵地</Text>
        {places.length === 0 ? <Text className="cp-small">本组织还没有登记阵地。</Text> : null}
        {places.map((p) => (
          <View key={p.placeId} className="oc-row" data-testid="officer-place">
            <Text className="cp-text">
              {p.kind} · {p.name}
              {p.status === 'closed' ? '（已关闭）' : ''}
            </Text>
            <Text className="cp-small">
              {p.address} · {p.openingHours} · {p.lat}, {p.lng}
            </Text>
            {p.status === 'open' ? (
              <View className="row">
                <Button className="btn-plain" size="mini" onClick={() => edit(p)}>
                  编辑
                </Button>
                <Button className="btn-plain" size="mini" onClick={() => close(p)}>
                  关闭
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
