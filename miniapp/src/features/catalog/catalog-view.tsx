import { Text, View } from '@tarojs/components';
import type { CatalogVersion, PublishedBenefit } from '@union/shared/contracts/catalog-publish.contract';
import { describeRule } from '@union/shared/domain/eligibility/index';
import { useState } from 'react';
import { catalogApi } from './catalog-api';
import { benefitText, claimModeText, dateText, documentText, groupsText } from './format';
import { SourceView } from './source-view';

const ruleText = (b: PublishedBenefit) => {
  try {
    return describeRule(b.eligibility);
  } catch {
    return '';
  }
};

/** One published entry: what it gives, who qualifies, and the sentence of the plan that promised it. */
export function BenefitItem({ benefit, onQuote }: { benefit: PublishedBenefit; onQuote?: (() => void) | undefined }) {
  return (
    <View className="list-item" data-testid={`benefit-${benefit.benefitId}`}>
      <Text className="subtitle">{benefit.name}</Text>
      <View>
        <Text className="tag">{benefit.category}</Text>
        <Text className="tag tag-tier">{benefit.tier}</Text>
        <Text className="tag tag-mode">{claimModeText(benefit.claimMode)}</Text>
      </View>
      {benefitText(benefit.benefit) ? <Text className="entry-benefit">{benefitText(benefit.benefit)}</Text> : null}
      {benefit.groups.length ? <Text className="muted">对象：{groupsText(benefit.groups)}</Text> : null}
      <Text className="rule-text">{ruleText(benefit)}</Text>
      {benefit.department || benefit.period ? (
        <Text className="muted">
          {[benefit.department && `责任部门：${benefit.department}`, benefit.period && `时间：${benefit.period}`]
            .filter(Boolean)
            .join('　')}
        </Text>
      ) : null}
      {benefit.source.quote ? (
        <View className="benefit-source" onClick={onQuote}>
          <Text className="entry-quote" data-testid="benefit-quote">
            “{benefit.source.quote}”
          </Text>
          <Text className="muted source-ref">
            —— {documentText(benefit.source.document)}
            {benefit.source.clause ? ` ${benefit.source.clause}` : ''}
            {onQuote ? '（点击查看原文）' : ''}
          </Text>
        </View>
      ) : (
        <Text className="muted">由工会干部手动添加</Text>
      )}
    </View>
  );
}

/** A published version with its entries; tapping a quote loads the plan text and highlights it. */
export function CatalogView({ catalog, heading }: { catalog: CatalogVersion; heading?: string }) {
  const [text, setText] = useState<string | null>(null);
  const [selected, setSelected] = useState<PublishedBenefit | null>(null);
  const showQuote = async (b: PublishedBenefit) => {
    setSelected(b);
    if (text === null && catalog.sourceChars > 0) {
      try {
        setText((await catalogApi.source(catalog.orgId, catalog.version)).text);
      } catch {
        setText('');
      }
    }
  };
  return (
    <View className="card" data-testid={`catalog-${catalog.orgId}-v${catalog.version}`}>
      <Text className="subtitle">{heading ?? `第 ${catalog.version} 版`}</Text>
      <Text className="muted">
        {documentText(catalog.document)} · 第 {catalog.version} 版 · {dateText(catalog.publishedAt)} 发布 · {catalog.entryCount} 项
      </Text>
      <View className="review-layout">
        <View className="review-entries">
          {catalog.entries.map((b) => (
            <View key={b.benefitId}>
              <BenefitItem benefit={b} onQuote={catalog.sourceChars > 0 ? () => showQuote(b) : undefined} />
              {selected?.benefitId === b.benefitId && text !== null ? (
                <SourceView
                  text={text}
                  start={b.source.start}
                  end={b.source.end}
                  title={`原文：${b.name}`}
                  anchorPrefix={`quote-${catalog.orgId}-${catalog.version}`}
                />
              ) : null}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
