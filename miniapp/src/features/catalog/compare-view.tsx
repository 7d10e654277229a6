import { Text, View } from '@tarojs/components';
import type { CatalogCompareResponse, PublishedBenefit } from '@union/shared/contracts/catalog-responses.contract';
import { CATALOG_DIFF_FIELD_LABELS, type CatalogDiffField } from '@union/shared/domain/catalog-publish/diff';
import { describeRule } from '@union/shared/domain/eligibility/index';
import { BenefitItem } from './catalog-view';
import { claimModeText, groupsText } from './format';

const yuan = (n: number | undefined) => (n === undefined ? '无' : `${n.toLocaleString('zh-CN')} 元`);

/** What one field of an entry says, in words, for the before → after lines of a changed entry. */
export const fieldText = (b: PublishedBenefit, field: CatalogDiffField): string => {
  switch (field) {
    case 'name':
      return b.name;
    case 'category':
      return b.category;
    case 'tier':
      return b.tier;
    case 'groups':
      return b.groups.length ? groupsText(b.groups) : '不限';
    case 'eligibility':
      try {
        return describeRule(b.eligibility);
      } catch {
        return '（条件无法显示）';
      }
    case 'amount':
      return yuan(b.benefit.amountYuan);
    case 'threshold':
      return yuan(b.benefit.thresholdYuan);
    case 'quota':
      return b.benefit.quota ? `${b.benefit.quota.count.toLocaleString('zh-CN')} ${b.benefit.quota.unit}` : '不限';
    case 'facilities':
      return (b.benefit.facilities ?? []).map((f) => `${f.kind} ${f.count} ${f.unit}`).join('、') || '无';
    case 'department':
      return b.department ?? '未填';
    case 'period':
      return b.period ?? '未填';
    case 'claimMode':
      return claimModeText(b.claimMode);
    case 'source':
      return b.source.quote ? `${b.source.clause} “${b.source.quote}”` : '（手工添加，无原文）';
  }
};

/** 版本对比: entries added, removed and changed between two versions, each change as 字段：旧 → 新. */
export function CompareView({ diff }: { diff: CatalogCompareResponse }) {
  const same = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <View data-testid="catalog-compare">
      <View className="card">
        <Text className="subtitle" data-testid="compare-summary">
          第 {diff.from.version} 版 → 第 {diff.to.version} 版：新增 {diff.added.length} 项，删除 {diff.removed.length} 项，修改{' '}
          {diff.changed.length} 项，未变 {diff.unchangedCount} 项
        </Text>
        {same ? <Text className="muted">两个版本的服务条目完全相同。</Text> : null}
      </View>
      {diff.added.length ? (
        <View className="card" data-testid="compare-added">
          <Text className="subtitle">新增（{diff.added.length}）</Text>
          {diff.added.map((b) => (
            <BenefitItem key={b.benefitId} benefit={b} />
          ))}
        </View>
      ) : null}
      {diff.removed.length ? (
        <View className="card" data-testid="compare-removed">
          <Text className="subtitle">删除（{diff.removed.length}）</Text>
          {diff.removed.map((b) => (
            <BenefitItem key={b.benefitId} benefit={b} />
          ))}
        </View>
      ) : null}
      {diff.changed.length ? (
        <View className="card" data-testid="compare-changed">
          <Text className="subtitle">修改（{diff.changed.length}）</Text>
          {diff.changed.map((c) => (
            <View key={c.after.benefitId} className="list-item" data-testid={`changed-${c.after.name}`}>
              <Text className="subtitle">{c.after.name}</Text>
              {c.fields.map((f) => (
                <View key={f} className="diff-line" data-testid={`changed-field-${f}`}>
                  <Text className="diff-field">{CATALOG_DIFF_FIELD_LABELS[f]}</Text>
                  <Text className="diff-before">{fieldText(c.before, f)}</Text>
                  <Text className="diff-arrow">→</Text>
                  <Text className="diff-after">{fieldText(c.after, f)}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
