import { Text, View } from '@tarojs/components';
import { type MotionResult, VOTE_OPTION_LABELS, type VoteOption } from '@union/shared';

/** One horizontal bar; the green line marks the votes needed (⌊N/2⌋+1 of all N). */
function Bar({ label, value, max, line, tone }: { label: string; value: number; max: number; line?: number; tone?: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <View className="cg-bar-row">
      <Text className="cg-bar-label">{label}</Text>
      <View className="cg-bar-track">
        <View className={`cg-bar-fill ${tone ?? ''}`} style={{ width: `${pct}%` }} />
        {line ? <View className="cg-bar-line" style={{ left: `${Math.round((line / max) * 100)}%` }} /> : null}
      </View>
      <Text className="cg-bar-value" data-testid={`count-${label}`}>
        {value} 票
      </Text>
    </View>
  );
}

/** Bar charts of a closed motion's result, scaled to all N delegates. */
export function ResultBars({ result }: { result: MotionResult }) {
  const max = result.delegateCount;
  if (result.kind === 'vote') {
    return (
      <View>
        {(Object.keys(VOTE_OPTION_LABELS) as VoteOption[]).map((k) => (
          <Bar
            key={k}
            label={VOTE_OPTION_LABELS[k]}
            value={result.counts[k]}
            max={max}
            tone={k}
            {...(k === 'yes' ? { line: result.threshold } : {})}
          />
        ))}
      </View>
    );
  }
  if (result.kind === 'itemized') {
    return (
      <View>
        {result.items.map((item, i) => (
          <View key={item.id} className="list-item" data-testid={`result-item-${item.id}`}>
            <Text className="subtitle">
              第 {i + 1} 项　{item.name}　
              <Text className={`cg-item-verdict ${item.passed ? '' : 'fail'}`} data-testid="item-verdict">
                {item.passed ? '通过' : '未通过'}
              </Text>
            </Text>
            {(Object.keys(VOTE_OPTION_LABELS) as VoteOption[]).map((k) => (
              <Bar
                key={k}
                label={VOTE_OPTION_LABELS[k]}
                value={item.counts[k]}
                max={max}
                tone={k}
                {...(k === 'yes' ? { line: result.threshold } : {})}
              />
            ))}
          </View>
        ))}
      </View>
    );
  }
  if (result.kind === 'election') {
    return (
      <View>
        {result.candidates.map((c) => (
          <Bar key={c.id} label={`${c.name}${c.elected ? '（当选）' : ''}`} value={c.votes} max={max} line={result.threshold} />
        ))}
        {result.tiedAtCutoff.length ? <Text className="muted">末位得票相同，需另行选举。</Text> : null}
      </View>
    );
  }
  return (
    <View>
      {result.subjects.map((s) => (
        <View key={s.id} className="list-item">
          <Text className="subtitle">
            {s.name}
            {s.note ? `（${s.note}）` : ''}
          </Text>
          {result.scale.map((level, i) => (
            <Bar key={level} label={level} value={s.counts[i] ?? 0} max={result.castCount} />
          ))}
        </View>
      ))}
    </View>
  );
}
