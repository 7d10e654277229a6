import { Button, Input, Text, View } from '@tarojs/components';
import type { CreateVoteRequest } from '@union/shared/contracts/projects.contract';
import { TARGET_UNITS } from '@union/shared/domain/projects/index';
import { useState } from 'react';
import type { ProjectSuggestionView } from './projects-api';

interface Draft {
  projectName: string;
  content: string;
  targetGroup: string;
  count: string;
  unit: (typeof TARGET_UNITS)[number];
  amountYuan: string;
  estimatedCostWanYuan: string;
  department: string;
  suggestionIds: string[];
}

const fromSuggestion = (s: ProjectSuggestionView): Draft => ({
  projectName: s.title,
  content: s.content,
  targetGroup: s.targetGroup,
  count: '',
  unit: '名',
  amountYuan: '',
  estimatedCostWanYuan: '',
  department: '',
  suggestionIds: [s.suggestionId, ...s.mergedFrom],
});

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * 遴选: the chosen suggestions as candidate projects (name, content, target group, how many, amount, estimated
 * cost, department: each linked to the suggestions behind it), then the member vote's rules: choose up to K.
 */
export function ShortlistForm({
  chosen,
  year,
  onSubmit,
}: {
  chosen: ProjectSuggestionView[];
  year: number;
  onSubmit(body: CreateVoteRequest): void;
}) {
  const [drafts, setDrafts] = useState<Draft[]>(() => chosen.map(fromSuggestion));
  const [maxPicks, setMaxPicks] = useState(String(Math.max(1, Math.floor(chosen.length / 2))));
  const [days, setDays] = useState('7');
  const set = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const submit = () =>
    onSubmit({
      title: `${year}年为职工办实事项目投票`,
      year,
      opensAt: isoIn(0),
      closesAt: isoIn(Number(days) || 7),
      maxPicks: Number(maxPicks),
      projects: drafts.map((d) => ({
        projectName: d.projectName,
        content: d.content,
        targetGroup: d.targetGroup,
        ...(d.count ? { target: { count: Number(d.count), unit: d.unit } } : {}),
        ...(d.amountYuan ? { amountYuan: Number(d.amountYuan) } : {}),
        estimatedCostWanYuan: Number(d.estimatedCostWanYuan || 0),
        department: d.department,
        suggestionIds: d.suggestionIds,
      })),
    });
  return (
    <View className="card" data-testid="shortlist-form">
      <Text className="subtitle">候选项目（{drafts.length} 项）</Text>
      {drafts.map((d, i) => (
        <View key={d.suggestionIds[0]} className="pj-item" data-testid="candidate-form">
          <Text className="field-label">项目名称</Text>
          <Input
            className="input"
            value={d.projectName}
            onInput={(e) => set(i, { projectName: e.detail.value })}
            data-testid="candidate-name"
          />
          <Text className="field-label">内容（办什么、怎么办）</Text>
          <Input className="input" value={d.content} onInput={(e) => set(i, { content: e.detail.value })} data-testid="candidate-content" />
          <Text className="field-label">服务对象</Text>
          <Input
            className="input"
            value={d.targetGroup}
            onInput={(e) => set(i, { targetGroup: e.detail.value })}
            data-testid="candidate-group"
          />
          <Text className="field-label">目标数量与单位（人数、场次，或新建设施的个数）</Text>
          <View className="row">
            <Input
              className="input"
              placeholder="目标数量"
              value={d.count}
              onInput={(e) => set(i, { count: e.detail.value })}
              data-testid="candidate-count"
            />
            <View>
              {TARGET_UNITS.map((u) => (
                <Text key={u} className={`pj-chip ${d.unit === u ? 'selected' : ''}`} onClick={() => set(i, { unit: u })}>
                  {u}
                </Text>
              ))}
            </View>
          </View>
          <Text className="field-label">每人金额（元，可不填） · 预计投入（万元） · 责任部门</Text>
          <View className="row">
            <Input
              className="input"
              placeholder="每人金额（元，可不填）"
              value={d.amountYuan}
              onInput={(e) => set(i, { amountYuan: e.detail.value })}
              data-testid="candidate-amount"
            />
            <Input
              className="input"
              placeholder="预计投入（万元）"
              value={d.estimatedCostWanYuan}
              onInput={(e) => set(i, { estimatedCostWanYuan: e.detail.value })}
              data-testid="candidate-cost"
            />
            <Input
              className="input"
              placeholder="责任部门"
              value={d.department}
              onInput={(e) => set(i, { department: e.detail.value })}
              data-testid="candidate-department"
            />
          </View>
        </View>
      ))}
      <View className="row">
        <Text className="field-label">每人最多可选</Text>
        <Input className="input" value={maxPicks} onInput={(e) => setMaxPicks(e.detail.value)} data-testid="vote-max-picks" />
        <Text className="field-label">投票天数</Text>
        <Input className="input" value={days} onInput={(e) => setDays(e.detail.value)} data-testid="vote-days" />
      </View>
      <Button className="btn-primary" onClick={submit} data-testid="vote-open">
        发起会员投票
      </Button>
    </View>
  );
}
