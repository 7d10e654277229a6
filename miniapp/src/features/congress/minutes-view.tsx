import { Button, Text, View } from '@tarojs/components';
import { VOTE_OPTION_LABELS, type VoteOption } from '@union/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { platform } from '../../lib/platform';
import { congressApi, congressErrorText, formatTime, type ResultsView } from './congress-api';
import './minutes.scss';

const OPTIONS = Object.keys(VOTE_OPTION_LABELS) as VoteOption[];

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="mn-field" data-testid={testId}>
      <Text className="mn-label">{label}</Text>
      <Text className="mn-value">{children}</Text>
    </View>
  );
}

type Table = { head: string[]; rows: Array<{ key: string; cells: Array<string | number> }> };

/** A table: a header row, then one row per key (cells under the header's columns). */
function Grid({ table, testId }: { table: Table; testId?: string }) {
  return (
    <View className="mn-grid" data-testid={testId}>
      <View className="mn-grid-row head">
        {table.head.map((h, i) => (
          <Text key={h} className={`mn-cell ${i === 0 ? 'first' : ''}`}>
            {h}
          </Text>
        ))}
      </View>
      {table.rows.map((row) => (
        <View key={row.key} className="mn-grid-row">
          {row.cells.map((c, i) => (
            <Text key={table.head[i] ?? String(i)} className={`mn-cell ${i === 0 ? 'first' : ''}`}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The counts of a result as the minutes state them: per option, per item, per candidate or per subject. */
const countTable = (r: ResultsView['result']): Table => {
  if (r.kind === 'vote') {
    return { head: ['表决意见', '票数'], rows: OPTIONS.map((k) => ({ key: k, cells: [VOTE_OPTION_LABELS[k], r.counts[k]] })) };
  }
  if (r.kind === 'itemized') {
    return {
      head: ['表决项', ...OPTIONS.map((k) => VOTE_OPTION_LABELS[k]), '结果'],
      rows: r.items.map((it, i) => ({
        key: it.id,
        cells: [`${i + 1}. ${it.name}`, it.counts.yes, it.counts.no, it.counts.abstain, it.passed ? '通过' : '未通过'],
      })),
    };
  }
  if (r.kind === 'election') {
    return {
      head: ['候选人', '得票', '结果'],
      rows: r.candidates.map((c) => ({ key: c.id, cells: [c.name, c.votes, c.elected ? '当选' : '未当选'] })),
    };
  }
  return {
    head: ['测评对象', ...r.scale],
    rows: r.subjects.map((s) => ({ key: s.id, cells: [s.note ? `${s.name}（${s.note}）` : s.name, ...s.counts] })),
  };
};

/**
 * 会议纪要 of a closed motion: a document of its own for printing on A4 (not the results screen
 * printed) — the meeting, the motion and what it was on, N, those present, the counts, the rule
 * applied, the result, when voting opened and closed and the officer who closed it, and signature lines.
 */
export function MinutesView({ motionId }: { motionId: string }) {
  const [r, setR] = useState<ResultsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    congressApi.results(motionId).then(setR, (e) => setError(congressErrorText(e)));
  }, [motionId]);
  if (!r) return error ? <Text className="error-banner">{error}</Text> : <Text className="muted">加载中…</Text>;
  const { motion: m, result: res, session: s } = r;
  return (
    <View className="mn-sheet" data-testid="minutes">
      <View className="mn-actions no-print">
        {platform.kind === 'h5' ? (
          <Button size="mini" className="btn-primary" data-testid="print-minutes" onClick={() => window.print()}>
            打印（A4）
          </Button>
        ) : (
          <Text className="muted">请在电脑浏览器中打开本页打印</Text>
        )}
      </View>
      <Text className="mn-title">{s.sessionName}</Text>
      <Text className="mn-subtitle">表决事项会议纪要</Text>
      <Field label="会议">
        {s.sessionName}（{s.startDate === s.endDate ? s.startDate : `${s.startDate} 至 ${s.endDate}`}）
      </Field>
      <Field label="表决事项" testId="minutes-motion">
        {m.title}（{m.kindLabel}，无记名投票）
      </Field>
      {m.proposals.length > 0 ? <Field label="所涉提案">{m.proposals.map((p) => `《${p.title}》`).join('、')}</Field> : null}
      {m.description ? <Field label="说明">{m.description}</Field> : null}
      <Field label="应到代表" testId="minutes-n">
        {res.delegateCount} 人
      </Field>
      <Field label="实到代表（已签到）" testId="minutes-present">
        {res.presentCount} 人
      </Field>
      <Field label="参加投票" testId="minutes-cast">
        {res.castCount} 人
      </Field>
      <Field label="计票规则" testId="minutes-rule">
        {r.rule}
      </Field>
      <Text className="mn-section">表决情况</Text>
      <Grid table={countTable(res)} testId="minutes-counts" />
      {res.kind === 'election' && res.blankBallots > 0 ? <Field label="空白票">{res.blankBallots} 张</Field> : null}
      {res.kind === 'election' && res.tiedAtCutoff.length > 0 ? <Field label="说明">末位得票相同，需另行选举</Field> : null}
      <Field label="表决结果" testId="minutes-verdict">
        {r.verdict}
      </Field>
      {m.openedAt ? <Field label="投票开始">{formatTime(m.openedAt)}（北京时间）</Field> : null}
      <Field label="投票结束" testId="minutes-closed-at">
        {m.closedAt ? `${formatTime(m.closedAt)}（北京时间）` : '—'}
      </Field>
      <Field label="宣布结束" testId="minutes-closed-by">
        {m.closedByName ?? '—'}
      </Field>
      <Text className="mn-note">
        本表决以无记名方式进行，选票不记录投票人；各代表可凭回执码核对本人选票（共公布 {r.receipts.length} 张选票的回执码）。
      </Text>
      <View className="mn-signatures">
        <Text className="mn-sign">主持人（签字）：</Text>
        <Text className="mn-sign">监票人（签字）：</Text>
        <Text className="mn-sign">记录人（签字）：</Text>
      </View>
    </View>
  );
}
