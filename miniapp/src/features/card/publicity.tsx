import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MemberPublicity } from './card-api';

/** The org a benefit id names (`${orgId}.v${version}.${n}`). */
const publisherOf = (benefitId: string): string => benefitId.slice(0, benefitId.indexOf('.'));

/**
 * The 公示 of one benefit among those on show: published for this benefit (any version of the
 * publisher's catalog: the 公示 lists the approvals of the benefit by name) by any union of the member's.
 */
export const publicityOfBenefit = (all: readonly MemberPublicity[], b: { benefitId: string; name: string }): MemberPublicity[] =>
  all.filter((p) => p.benefitId === b.benefitId || (publisherOf(p.benefitId) === publisherOf(b.benefitId) && p.benefitName === b.name));

/** One 公示: what, who published it, its 公示期 and the masked names (never an id or a phone). */
export function PublicityItem({ p, compact = false }: { p: MemberPublicity; compact?: boolean }) {
  return (
    <View className="list-item publicity" data-testid={`publicity-${p.orgId}-${p.benefitId}`}>
      <Text className="cp-text">
        {compact ? '' : `${p.benefitName} · `}
        {p.orgName}公示（{p.period} 年度，{p.entries.length} 人）
      </Text>
      <Text className="cp-small">
        公示期：{p.startsOn} 至 {p.endsOn}
      </Text>
      {p.entries.length === 0 ? (
        <Text className="cp-small">本期暂无获批人员。</Text>
      ) : (
        <Text className="cp-small" data-testid="publicity-names">
          {p.entries.map((e) => `${e.maskedName}（${e.orgName}）`).join('、')}
        </Text>
      )}
    </View>
  );
}

/** 首页's 公示 block: the first few on show, and a link to all of them. */
export function PublicityBlock({ items }: { items: MemberPublicity[] }) {
  return (
    <View className="card" data-testid="home-publicity">
      <Text className="subtitle">公示</Text>
      {items.length === 0 ? (
        <Text className="muted">本会及上级工会暂无正在公示的名单。</Text>
      ) : (
        items.map((p) => (
          <Text key={`${p.orgId}-${p.benefitId}`} className="muted" data-testid="home-publicity-item">
            {p.benefitName}（{p.orgName}，{p.entries.length} 人，至 {p.endsOn}）
          </Text>
        ))
      )}
      <Button className="btn-plain" data-testid="open-publicity" onClick={() => Taro.navigateTo({ url: '/member/pages/publicity/index' })}>
        查看全部公示
      </Button>
    </View>
  );
}
