import { Button, Text, View } from '@tarojs/components';
import { VOTE_OPTION_LABELS, type VoteOption } from '@union/shared';
import { useRef, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { congressApi, congressErrorText, type MotionView, newRequestKey, saveReceipt } from './congress-api';

/**
 * The secret ballot for one open motion. One Idempotency-Key per ballot: a retry after a lost
 * answer gets the same receipt instead of a "已投票" refusal.
 */
export function BallotForm({ motion, onVoted }: { motion: MotionView; onVoted: (receipt: string) => void }) {
  const [option, setOption] = useState<VoteOption | null>(null);
  const [itemOptions, setItemOptions] = useState<Record<string, VoteOption>>({});
  const [picked, setPicked] = useState<string[]>([]);
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Made at the first submit and kept for its retries (a secure key, or a refusal in Chinese).
  const key = useRef<string | null>(null);
  const spec = motion.spec;

  const ballot = () => {
    if (spec.kind === 'vote') return option ? { kind: 'vote', option } : null;
    if (spec.kind === 'itemized')
      return Object.keys(itemOptions).length === spec.items.length ? { kind: 'itemized', options: itemOptions } : null;
    if (spec.kind === 'election') return { kind: 'election', candidateIds: picked };
    return Object.keys(ratings).length === spec.subjects.length ? { kind: 'rating', ratings } : null;
  };

  const submit = async () => {
    const b = ballot();
    if (!b) {
      setError(
        spec.kind === 'vote'
          ? '请选择赞成、反对或弃权'
          : spec.kind === 'itemized'
            ? '请对每一项表明赞成、反对或弃权'
            : '请为每一位测评对象选择等次',
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (!key.current) key.current = await newRequestKey();
      const res = await congressApi.vote(motion.motionId, b, key.current);
      saveReceipt(motion.motionId, res.receiptCode);
      onVoted(res.receiptCode);
    } catch (e) {
      setError(congressErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid={`ballot-${motion.motionId}`}>
      {spec.kind === 'vote'
        ? (Object.keys(VOTE_OPTION_LABELS) as VoteOption[]).map((k) => (
            <Text
              key={k}
              className={`cg-option ${option === k ? 'selected' : ''}`}
              data-testid={`option-${k}`}
              onClick={() => setOption(k)}
            >
              {option === k ? '● ' : '○ '}
              {VOTE_OPTION_LABELS[k]}
            </Text>
          ))
        : null}
      {spec.kind === 'itemized'
        ? spec.items.map((item, i) => (
            <View key={item.id} className="list-item" data-testid={`item-${item.id}`}>
              <Text className="subtitle">
                第 {i + 1} 项　{item.name}
              </Text>
              <View className="row" style={{ flexWrap: 'wrap', justifyContent: 'flex-start', gap: '8px' }}>
                {(Object.keys(VOTE_OPTION_LABELS) as VoteOption[]).map((k) => (
                  <Text
                    key={k}
                    className={`cg-chip ${itemOptions[item.id] === k ? 'selected' : ''}`}
                    data-testid={`item-${item.id}-${k}`}
                    onClick={() => setItemOptions((o) => ({ ...o, [item.id]: k }))}
                  >
                    {VOTE_OPTION_LABELS[k]}
                  </Text>
                ))}
              </View>
            </View>
          ))
        : null}
      {spec.kind === 'election' ? (
        <View>
          <Text className="muted">最多选择 {spec.maxChoices} 人（可少选或不选）</Text>
          {spec.candidates.map((c) => {
            const on = picked.includes(c.id);
            return (
              <Text
                key={c.id}
                className={`cg-option ${on ? 'selected' : ''}`}
                data-testid={`candidate-${c.id}`}
                onClick={() => setPicked((p) => (on ? p.filter((x) => x !== c.id) : p.length < spec.maxChoices ? [...p, c.id] : p))}
              >
                {on ? '☑ ' : '☐ '}
                {c.name}
              </Text>
            );
          })}
        </View>
      ) : null}
      {spec.kind === 'rating'
        ? spec.subjects.map((s) => (
            <View key={s.id} className="list-item">
              <Text className="subtitle">
                {s.name}
                {s.note ? `（${s.note}）` : ''}
              </Text>
              <View className="row" style={{ flexWrap: 'wrap', justifyContent: 'flex-start' }}>
                {spec.scale.map((level, i) => (
                  <Text
                    key={level}
                    className={`cg-option ${ratings[s.id] === level ? 'selected' : ''}`}
                    data-testid={`rate-${s.id}-${i}`}
                    onClick={() => setRatings((r) => ({ ...r, [s.id]: level }))}
                  >
                    {level}
                  </Text>
                ))}
              </View>
            </View>
          ))
        : null}
      <ErrorBanner message={error} />
      <Button className="btn-primary" data-testid="cast-ballot" disabled={busy} onClick={submit}>
        投票（无记名）
      </Button>
    </View>
  );
}
