import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getSession } from '../../lib/session';
import { congressApi, congressErrorText, downloadResultsCsv, formatTime, type ResultsView as Results, savedReceipt } from './congress-api';
import { MotionMatter } from './motion-matter';
import { ResultBars } from './result-bars';
import './congress.scss';

/** A closed motion's result: bars, 通过/未通过, the published receipts to check, CSV, and for officers the 会议纪要. */
export function ResultsView({ motionId }: { motionId: string }) {
  const [r, setR] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState(savedReceipt(motionId) ?? '');
  useEffect(() => {
    congressApi.results(motionId).then(setR, (e) => setError(congressErrorText(e)));
  }, [motionId]);
  if (!r) return error ? <Text className="error-banner">{error}</Text> : <Text className="muted">加载中…</Text>;
  const res = r.result;
  const mine = query.trim().toLowerCase();
  const found = mine ? r.receipts.find((x) => x.receiptCode === mine) : undefined;
  const officer = getSession()?.user.roles.some((g) => g.role === 'officer') ?? false;
  return (
    <View>
      <View className="card">
        <Text className="muted" style={{ display: 'block' }}>
          {r.session.sessionName} · {r.motion.kindLabel}
        </Text>
        <Text className="title">{r.motion.title}</Text>
        <MotionMatter motion={r.motion} />
        <Text className={`cg-verdict ${r.verdict === '未通过' ? 'fail' : ''}`} data-testid="verdict">
          {r.verdict}
        </Text>
        <Text style={{ display: 'block', marginTop: '12px' }} data-testid="results-rule">
          应到代表 {res.delegateCount} 人，实到 {res.presentCount} 人，投票 {res.castCount} 人。{r.rule}。
        </Text>
        {r.motion.closedAt ? <Text className="muted">投票结束于 {formatTime(r.motion.closedAt)}</Text> : null}
        <ResultBars result={res} />
        <View className="row no-print" style={{ justifyContent: 'flex-start' }}>
          <Button
            size="mini"
            className="btn-plain"
            data-testid="export-csv"
            onClick={() => downloadResultsCsv(motionId, r.motion.title).catch((e) => setError(congressErrorText(e)))}
          >
            导出 CSV
          </Button>
          {officer ? (
            <Button
              size="mini"
              className="btn-plain"
              data-testid="open-minutes"
              onClick={() => Taro.navigateTo({ url: `/officer/pages/congress/minutes?id=${motionId}` })}
            >
              会议纪要（打印）
            </Button>
          ) : null}
        </View>
      </View>
      <View className="card">
        <Text className="subtitle">核对我的选票</Text>
        <Input
          className="input no-print"
          placeholder="输入回执码，如 ab12-cd34-ef56"
          value={query}
          data-testid="receipt-query"
          onInput={(e) => setQuery(e.detail.value)}
        />
        {mine ? (
          found ? (
            <Text className="ok-banner" style={{ display: 'block' }} data-testid="receipt-check">
              回执码 {found.receiptCode} 已计入，记录的选择为：{found.choice}
            </Text>
          ) : (
            <Text className="error-banner" style={{ display: 'block' }} data-testid="receipt-check">
              未找到该回执码，请核对后重试
            </Text>
          )
        ) : null}
        <Text className="subtitle">公布的回执码（共 {r.receipts.length} 张选票）</Text>
        <View>
          {r.receipts.map((x) => (
            <Text
              key={x.receiptCode}
              className={x.receiptCode === mine ? 'cg-mine' : ''}
              style={{ display: 'block', fontFamily: 'monospace' }}
            >
              {x.receiptCode}　{x.choice}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
