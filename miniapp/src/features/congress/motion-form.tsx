import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { MOTION_KIND_LABELS, MOTION_KINDS, type MotionKind } from '@union/shared';
import type { CreateMotionRequest } from '@union/shared/contracts/congress-requests.contract';
import { useState } from 'react';
import type { ProposalSummary } from './congress-api';

/** Lines of a textarea (or a "、" / "，" list), trimmed, blanks dropped. */
export const linesOf = (text: string, separators = /\n/): string[] =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The body of a new motion from the form. A 分项表决 takes its items from the lines typed (the
 * articles of a draft); with no lines typed, each linked proposal is an item of its own.
 */
export const motionBody = (
  form: { kind: MotionKind; title: string; draftText: string; items: string; maxChoices: string },
  linked: ReadonlyArray<Pick<ProposalSummary, 'proposalId' | 'title'>>,
): CreateMotionRequest => {
  const matter = {
    ...(form.draftText.trim() ? { draftText: form.draftText } : {}),
    ...(linked.length > 0 ? { proposalIds: linked.map((p) => p.proposalId) } : {}),
  };
  if (form.kind === 'vote') return { kind: 'vote', title: form.title, ...matter };
  if (form.kind === 'itemized') {
    const typed = linesOf(form.items);
    const items = typed.length > 0 ? typed.map((title) => ({ title })) : linked.map((p) => ({ title: p.title, proposalId: p.proposalId }));
    return { kind: 'itemized', title: form.title, ...matter, items };
  }
  const names = linesOf(form.items, /\n|、|,|，/).map((name) => ({ name }));
  if (form.kind === 'election') return { kind: 'election', title: form.title, candidates: names, maxChoices: Number(form.maxChoices) };
  return { kind: 'rating', title: form.title, subjects: names, scale: ['满意', '基本满意', '不满意'] };
};

const ITEMS_PLACEHOLDER: Record<MotionKind, string> = {
  vote: '',
  itemized: '表决项，每行一项（如草案的各条款）；不填则每件关联提案为一项',
  election: '候选人，每行一人',
  rating: '测评对象，每行一人',
};

/**
 * 新增表决事项: 表决 / 分项表决 on a 议案 (its text) or on 立案 proposals of the session, 测评, 选举.
 */
export function MotionForm({
  votable,
  onCreate,
  initial,
}: {
  /** The session's 立案 proposals that may be put to a vote. */
  votable: ReadonlyArray<Pick<ProposalSummary, 'proposalId' | 'title'>>;
  onCreate: (body: CreateMotionRequest) => Promise<void>;
  initial?: { kind?: MotionKind; title?: string; linked?: string[] };
}) {
  const [form, setForm] = useState({
    kind: initial?.kind ?? ('vote' as MotionKind),
    title: initial?.title ?? '',
    draftText: '',
    items: '',
    maxChoices: '1',
  });
  const [linked, setLinked] = useState<string[]>(initial?.linked ?? []);
  const onMatter = form.kind === 'vote' || form.kind === 'itemized';
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <View data-testid="motion-form">
      <Text className="subtitle">新增表决事项</Text>
      <View className="row" style={{ flexWrap: 'wrap', justifyContent: 'flex-start', gap: '8px' }}>
        {MOTION_KINDS.map((k) => (
          <Text
            key={k}
            className={`cg-chip ${form.kind === k ? 'selected' : ''}`}
            data-testid={`motion-kind-${k}`}
            onClick={() => set({ kind: k })}
          >
            {MOTION_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      <Input
        className="input"
        placeholder="事项名称"
        data-testid="motion-title"
        value={form.title}
        onInput={(e) => set({ title: e.detail.value })}
      />
      {onMatter ? (
        <Textarea
          className="cg-textarea"
          placeholder="议案正文（选填，如集体合同草案全文）"
          data-testid="motion-draft"
          maxlength={20000}
          value={form.draftText}
          onInput={(e) => set({ draftText: e.detail.value })}
        />
      ) : null}
      {onMatter && votable.length > 0 ? (
        <View>
          <Text className="field-label">关联已立案的提案（表决结果记入提案办理进程）</Text>
          {votable.map((p) => {
            const on = linked.includes(p.proposalId);
            return (
              <Text
                key={p.proposalId}
                className={`cg-option ${on ? 'selected' : ''}`}
                data-testid={`link-proposal-${p.proposalId}`}
                onClick={() => setLinked((l) => (on ? l.filter((x) => x !== p.proposalId) : [...l, p.proposalId]))}
              >
                {on ? '☑ ' : '☐ '}
                {p.title}
              </Text>
            );
          })}
        </View>
      ) : null}
      {form.kind !== 'vote' ? (
        <Textarea
          className="cg-textarea"
          placeholder={ITEMS_PLACEHOLDER[form.kind]}
          data-testid="motion-items"
          maxlength={20000}
          value={form.items}
          onInput={(e) => set({ items: e.detail.value })}
        />
      ) : null}
      {form.kind === 'election' ? (
        <Input
          className="input"
          placeholder="应选人数"
          data-testid="motion-max-choices"
          value={form.maxChoices}
          onInput={(e) => set({ maxChoices: e.detail.value })}
        />
      ) : null}
      <Button
        className="btn-primary"
        data-testid="create-motion"
        onClick={() =>
          onCreate(
            motionBody(
              form,
              votable.filter((p) => linked.includes(p.proposalId)),
            ),
          )
        }
      >
        添加
      </Button>
    </View>
  );
}
