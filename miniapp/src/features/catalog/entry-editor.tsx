import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { ruleSchema } from '@union/shared/contracts/catalog.contract';
import { CLAIM_MODES, type ClaimMode, type PublishServiceInput } from '@union/shared/contracts/catalog-publish.contract';
import { describeRule } from '@union/shared/domain/eligibility/index';
import type { Benefit, Tier } from '@union/shared/domain/plan-import/types';
import { type ReactNode, useState } from 'react';
import { benefitText, claimModeText, groupsText } from './format';

/** A draft entry on the review screen; `key` only tells React which is which. */
export interface DraftEntry extends PublishServiceInput {
  key: string;
}

const TIERS: Tier[] = ['普惠', '特惠', '商惠'];

export const CATEGORY_SUGGESTIONS = [
  '帮扶救助',
  '医疗互助',
  '疗休养',
  '体检',
  '技能培训',
  '文体',
  '婚恋交友',
  '女职工关爱',
  '法律援助',
  '心理关爱',
  '阵地设施',
  '保险',
  '子女教育',
  '就业服务',
  '商户优惠',
  '普惠服务',
];

/** "表格第 3 行：项目名称 职工体检｜牵头部门 女职工部": the row a draft came from. */
const rowText = (row: NonNullable<NonNullable<DraftEntry['source']>['row']>): string =>
  `表格第 ${row.index} 行：${Object.entries(row.cells)
    .map(([label, cell]) => `${label} ${cell}`)
    .join('｜')}`;

const describe = (rule: DraftEntry['eligibility']): string => {
  try {
    return describeRule(rule);
  } catch {
    return '（无法解读的规则）';
  }
};

function Field({ label, error, children }: { label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {children}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}

function TextField(props: { label: string; value: string | undefined; onChange(v: string): void; placeholder?: string; testId?: string }) {
  return (
    <Field label={props.label}>
      <Input
        className="input"
        value={props.value ?? ''}
        placeholder={props.placeholder ?? ''}
        data-testid={props.testId}
        onInput={(e) => props.onChange(e.detail.value)}
      />
    </Field>
  );
}

/** A number input that keeps what is typed until it reads as a number ('' clears the value). */
function NumberField(props: { label: string; value: number | undefined; onChange(v: number | undefined): void; testId?: string }) {
  const [raw, setRaw] = useState(props.value === undefined ? '' : String(props.value));
  const [error, setError] = useState<string>();
  return (
    <Field label={props.label} error={error}>
      <Input
        className={`input ${error ? 'input-error' : ''}`}
        type="digit"
        value={raw}
        data-testid={props.testId}
        onInput={(e) => {
          const v = e.detail.value.trim();
          setRaw(v);
          if (v === '') {
            setError(undefined);
            props.onChange(undefined);
          } else if (/^\d+(\.\d+)?$/.test(v)) {
            setError(undefined);
            props.onChange(Number(v));
          } else setError('请输入数字');
        }}
      />
    </Field>
  );
}

function Choice<T extends string>(props: { options: readonly T[]; value: T; label(v: T): string; onChange(v: T): void; testId: string }) {
  return (
    <View className="choice-row">
      {props.options.map((o) => (
        <Text
          key={o}
          className={`choice ${o === props.value ? 'choice-on' : ''}`}
          data-testid={`${props.testId}-${o}`}
          onClick={() => props.onChange(o)}
        >
          {props.label(o)}
        </Text>
      ))}
    </View>
  );
}

const facilitiesToText = (b: Benefit) => (b.facilities ?? []).map((f) => `${f.kind} ${f.count} ${f.unit}`).join('\n');

const parseFacilities = (text: string): Benefit['facilities'] | null => {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: NonNullable<Benefit['facilities']> = [];
  for (const line of lines) {
    const m = /^(.+?)\s+(\d+(?:\.\d+)?)\s*(\S+)$/.exec(line);
    if (!m) return null;
    out.push({ kind: m[1]!, count: Number(m[2]), unit: m[3]! });
  }
  return out;
};

/** The eligibility rule as JSON, with its Chinese reading; the rule changes only when the JSON is a valid rule. */
function RuleField({ entry, onChange }: { entry: DraftEntry; onChange(rule: DraftEntry['eligibility']): void }) {
  const [raw, setRaw] = useState(JSON.stringify(entry.eligibility, null, 2));
  const [error, setError] = useState<string>();
  return (
    <Field label="享受条件（规则 JSON）" error={error}>
      <Text className="rule-text" data-testid="rule-description">
        {describe(entry.eligibility)}
      </Text>
      <Textarea
        className={`input rule-json ${error ? 'input-error' : ''}`}
        value={raw}
        maxlength={-1}
        autoHeight
        onInput={(e) => {
          const v = e.detail.value;
          setRaw(v);
          try {
            const parsed = ruleSchema.safeParse(JSON.parse(v));
            if (!parsed.success) return setError('规则格式不正确：只能用 all / any / not 和会员或申领条件');
            setError(undefined);
            onChange(parsed.data);
          } catch {
            setError('不是有效的 JSON');
          }
        }}
      />
    </Field>
  );
}

/** Every reviewable field of one entry (the rule stays JSON with its description). */
export function EntryForm({ entry, onChange }: { entry: DraftEntry; onChange(next: DraftEntry): void }) {
  const set = (patch: Partial<DraftEntry>) => onChange({ ...entry, ...patch });
  const setBenefit = (patch: Partial<Benefit>) => {
    const benefit: Benefit = { ...entry.benefit, ...patch };
    for (const k of Object.keys(benefit) as Array<keyof Benefit>) if (benefit[k] === undefined) delete benefit[k];
    set({ benefit });
  };
  const [facilities, setFacilities] = useState(facilitiesToText(entry.benefit));
  const [facilityError, setFacilityError] = useState<string>();
  const [groups, setGroups] = useState(entry.groups.join(', '));
  return (
    <View className="entry-form" data-testid="entry-form">
      <TextField label="服务名称" value={entry.name} onChange={(name) => set({ name })} testId="edit-name" />
      <Field label="类别">
        <Input className="input" value={entry.category} data-testid="edit-category" onInput={(e) => set({ category: e.detail.value })} />
        <View className="choice-row">
          {CATEGORY_SUGGESTIONS.map((c) => (
            <Text key={c} className={`choice choice-small ${c === entry.category ? 'choice-on' : ''}`} onClick={() => set({ category: c })}>
              {c}
            </Text>
          ))}
        </View>
      </Field>
      <Field label="惠及类型">
        <Choice options={TIERS} value={entry.tier} label={(t) => t} onChange={(tier) => set({ tier })} testId="edit-tier" />
      </Field>
      <Field label={`对象群体（代码，逗号分隔）${entry.groups.length ? `：${groupsText(entry.groups)}` : ''}`}>
        <Input
          className="input"
          value={groups}
          placeholder="如 courier, foodDelivery；留空为全体会员"
          onInput={(e) => {
            setGroups(e.detail.value);
            set({ groups: e.detail.value.split(/[,，、\s]+/).filter(Boolean) });
          }}
        />
      </Field>
      <View className="form-grid">
        <NumberField
          label="金额（元）"
          value={entry.benefit.amountYuan}
          onChange={(amountYuan) => setBenefit({ amountYuan })}
          testId="edit-amount"
        />
        <NumberField label="门槛（元）" value={entry.benefit.thresholdYuan} onChange={(thresholdYuan) => setBenefit({ thresholdYuan })} />
        <NumberField
          label="名额"
          value={entry.benefit.quota?.count}
          onChange={(count) => setBenefit({ quota: count === undefined ? undefined : { count, unit: entry.benefit.quota?.unit ?? '名' } })}
          testId="edit-quota"
        />
        <TextField
          label="名额单位"
          value={entry.benefit.quota?.unit}
          onChange={(unit) => entry.benefit.quota && setBenefit({ quota: { count: entry.benefit.quota.count, unit } })}
        />
      </View>
      <Field label="阵地设施（每行：名称 数量 单位）" error={facilityError}>
        <Textarea
          className="input"
          value={facilities}
          maxlength={-1}
          autoHeight
          onInput={(e) => {
            setFacilities(e.detail.value);
            const parsed = parseFacilities(e.detail.value);
            if (!parsed) return setFacilityError('每行写成“职工书屋 30 个”');
            setFacilityError(undefined);
            setBenefit({ facilities: parsed.length ? parsed : undefined });
          }}
        />
      </Field>
      <TextField label="责任部门" value={entry.department} onChange={(department) => set({ department: department || undefined })} />
      <TextField
        label="时间"
        value={entry.period}
        onChange={(period) => set({ period: period || undefined })}
        placeholder="如 2025 年全年"
      />
      <Field label="申领方式">
        <Choice
          options={CLAIM_MODES}
          value={entry.claimMode ?? 'review'}
          label={claimModeText}
          onChange={(claimMode: ClaimMode) => set({ claimMode })}
          testId="edit-claim-mode"
        />
      </Field>
      <RuleField entry={entry} onChange={(eligibility) => set({ eligibility })} />
    </View>
  );
}

/** One entry in the draft list: its summary, and its form when selected. */
export function EntryCard(props: {
  entry: DraftEntry;
  index: number;
  selected: boolean;
  error?: string | undefined;
  onSelect(): void;
  onChange(next: DraftEntry): void;
  onRemove(): void;
  /** The plan text view shown inside the card when selected (phones). */
  source?: ReactNode;
}) {
  const { entry, index } = props;
  const unsure = entry.confidence !== undefined && entry.confidence < 0.7;
  return (
    <View className={`card entry-card ${props.selected ? 'entry-selected' : ''}`} data-testid={`draft-entry-${index}`}>
      <View className="entry-head" onClick={props.onSelect}>
        <View className="row">
          <Text className="subtitle" data-testid="entry-name">
            {index + 1}. {entry.name || '（未命名）'}
          </Text>
          <Text className="muted">{props.selected ? '收起' : '编辑'}</Text>
        </View>
        <View>
          {entry.category ? <Text className="tag">{entry.category}</Text> : null}
          <Text className="tag tag-tier">{entry.tier}</Text>
          <Text className="tag tag-mode">{claimModeText(entry.claimMode ?? 'review')}</Text>
          {entry.groups.length ? <Text className="muted"> {groupsText(entry.groups)}</Text> : null}
        </View>
        {benefitText(entry.benefit) ? <Text className="entry-benefit">{benefitText(entry.benefit)}</Text> : null}
        {entry.department ? <Text className="muted">牵头部门：{entry.department}</Text> : null}
        {entry.source?.row ? (
          <Text className="entry-row" data-testid="entry-row">
            {rowText(entry.source.row)}
          </Text>
        ) : null}
        <Text className="entry-quote">{entry.source ? `“${entry.source.quote}”` : '人工添加（无原文出处）'}</Text>
        {entry.reasons?.length ? (
          <Text className="entry-reasons" data-testid="entry-reasons">
            识别依据：{entry.reasons.join('；')}
          </Text>
        ) : null}
        {unsure ? <Text className="entry-note">识别把握不大（{Math.round((entry.confidence ?? 0) * 100)}%），请核对</Text> : null}
        {(entry.notes ?? []).map((n) => (
          <Text key={n} className="entry-note">
            {n}
          </Text>
        ))}
      </View>
      {props.error ? <Text className="field-error">{props.error}</Text> : null}
      {props.selected ? (
        <View>
          {props.source}
          <EntryForm entry={entry} onChange={props.onChange} />
          <Button className="btn-plain" size="mini" data-testid="remove-entry" onClick={props.onRemove}>
            删除此项
          </Button>
        </View>
      ) : null}
    </View>
  );
}
