import { DomainError } from '../common/errors';
import { meetsPassThreshold, passThresholdOf } from './rules';

/**
 * 表决 (vote), 分项表决 (several items — the articles of a draft, or several proposals — each voted
 * 赞成 / 反对 / 弃权 on one ballot and passing on its own), 测评 (rating of named leaders), 选举
 * (election of up to K of M candidates).
 */
export const MOTION_KINDS = ['vote', 'itemized', 'rating', 'election'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];
export const MOTION_KIND_LABELS: Record<MotionKind, string> = { vote: '表决', itemized: '分项表决', rating: '测评', election: '选举' };

export const MOTION_STATUSES = ['draft', 'open', 'closed'] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];
export const MOTION_STATUS_LABELS: Record<MotionStatus, string> = { draft: '未开始', open: '投票中', closed: '已结束' };

export const VOTE_OPTIONS = ['yes', 'no', 'abstain'] as const;
export type VoteOption = (typeof VOTE_OPTIONS)[number];
export const VOTE_OPTION_LABELS: Record<VoteOption, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

export const DEFAULT_RATING_SCALE = ['满意', '基本满意', '不满意'] as const;

export interface NamedItem {
  id: string;
  name: string;
  /** 职务 of a leader under 测评, shown beside the name. */
  note?: string | undefined;
}

/** One item of a 分项表决: an article of a draft, or a proposal (then it names it). */
export interface VoteItem {
  id: string;
  name: string;
  proposalId?: string | undefined;
}

/** Items a 分项表决 may have. */
export const MAX_VOTE_ITEMS = 50;

/** What a motion asks; fixed once the motion exists. */
export type MotionSpec =
  | { kind: 'vote' }
  | { kind: 'itemized'; items: VoteItem[] }
  | { kind: 'rating'; subjects: NamedItem[]; scale: string[] }
  | { kind: 'election'; candidates: NamedItem[]; maxChoices: number };

/** One anonymous ballot's content, as stored. */
export type BallotChoice =
  | { kind: 'vote'; option: VoteOption }
  | { kind: 'itemized'; options: Record<string, VoteOption> }
  | { kind: 'rating'; ratings: Record<string, string> }
  | { kind: 'election'; candidateIds: string[] };

/** Checks a motion definition: candidates/subjects present, distinct, K within 1..M. */
export const validateMotionSpec = (spec: MotionSpec): MotionSpec => {
  const distinct = (items: NamedItem[], field: string, label: string) => {
    if (items.length === 0) throw new DomainError('VALIDATION_FAILED', `${label}：至少需要一项`, { field });
    const ids = new Set(items.map((i) => i.id));
    const names = new Set(items.map((i) => i.name));
    if (ids.size !== items.length || names.size !== items.length) {
      throw new DomainError('VALIDATION_FAILED', `${label}：不能重复`, { field });
    }
  };
  if (spec.kind === 'itemized') {
    distinct(spec.items, 'items', '表决项');
    if (spec.items.length < 2 || spec.items.length > MAX_VOTE_ITEMS) {
      throw new DomainError('VALIDATION_FAILED', `表决项：分项表决须有 2 到 ${MAX_VOTE_ITEMS} 项`, { field: 'items' });
    }
  }
  if (spec.kind === 'election') {
    distinct(spec.candidates, 'candidates', '候选人');
    if (!Number.isInteger(spec.maxChoices) || spec.maxChoices < 1 || spec.maxChoices > spec.candidates.length) {
      throw new DomainError('VALIDATION_FAILED', '应选人数：须在 1 到候选人数之间', { field: 'maxChoices' });
    }
  }
  if (spec.kind === 'rating') {
    distinct(spec.subjects, 'subjects', '测评对象');
    if (spec.scale.length < 2 || new Set(spec.scale).size !== spec.scale.length) {
      throw new DomainError('VALIDATION_FAILED', '测评等次：至少两个且不能重复', { field: 'scale' });
    }
  }
  return spec;
};

/** A ballot as sent: a 分项表决's options are any text until checked against its items. */
export type BallotInput = BallotChoice | { kind: 'itemized'; options: Record<string, string> };

const isVoteOption = (v: string | undefined): v is VoteOption => v !== undefined && (VOTE_OPTIONS as readonly string[]).includes(v);

/** Checks a ballot against its motion and returns it in canonical form (sorted, deduplicated). */
export const validateBallot = (spec: MotionSpec, choice: BallotInput): BallotChoice => {
  if (choice.kind !== spec.kind) throw new DomainError('BALLOT_INVALID', '选票类型与表决事项不符', { field: 'kind' });
  if (choice.kind === 'vote') {
    if (!VOTE_OPTIONS.includes(choice.option))
      throw new DomainError('BALLOT_INVALID', '表决意见：请选择赞成、反对或弃权', { field: 'option' });
    return { kind: 'vote', option: choice.option };
  }
  if (choice.kind === 'itemized' && spec.kind === 'itemized') {
    const options: Record<string, VoteOption> = {};
    // Own keys only (an inherited key is no item of the ballot).
    const given = new Set(Object.keys(choice.options));
    for (const [i, item] of spec.items.entries()) {
      const option = given.has(item.id) ? choice.options[item.id] : undefined;
      if (option === undefined)
        throw new DomainError('BALLOT_INVALID', `表决项：请对第 ${i + 1} 项表明赞成、反对或弃权`, { field: 'options' });
      if (!isVoteOption(option))
        throw new DomainError('BALLOT_INVALID', `表决项：第 ${i + 1} 项的意见须为赞成、反对或弃权`, { field: 'options' });
      options[item.id] = option;
    }
    if (given.size !== spec.items.length) {
      throw new DomainError('BALLOT_INVALID', '表决项：含有不在本次表决中的项', { field: 'options' });
    }
    return { kind: 'itemized', options };
  }
  if (choice.kind === 'election' && spec.kind === 'election') {
    const ids = [...new Set(choice.candidateIds)];
    if (ids.length !== choice.candidateIds.length)
      throw new DomainError('BALLOT_INVALID', '候选人：不能重复选择', { field: 'candidateIds' });
    if (ids.length > spec.maxChoices) {
      throw new DomainError('BALLOT_INVALID', `候选人：最多选择 ${spec.maxChoices} 人`, { field: 'candidateIds' });
    }
    const known = new Set(spec.candidates.map((c) => c.id));
    if (ids.some((id) => !known.has(id))) throw new DomainError('BALLOT_INVALID', '候选人：不在候选人名单中', { field: 'candidateIds' });
    return { kind: 'election', candidateIds: ids.sort() };
  }
  if (choice.kind === 'rating' && spec.kind === 'rating') {
    const ratings: Record<string, string> = {};
    for (const s of spec.subjects) {
      const level = choice.ratings[s.id];
      if (level === undefined) throw new DomainError('BALLOT_INVALID', `测评：请为${s.name}选择等次`, { field: 'ratings' });
      if (!spec.scale.includes(level)) throw new DomainError('BALLOT_INVALID', `测评：${s.name}的等次无效`, { field: 'ratings' });
      ratings[s.id] = level;
    }
    if (Object.keys(choice.ratings).length !== spec.subjects.length) {
      throw new DomainError('BALLOT_INVALID', '测评：含有不在名单中的对象', { field: 'ratings' });
    }
    return { kind: 'rating', ratings };
  }
  throw new DomainError('BALLOT_INVALID', '选票格式不正确', { field: 'kind' });
};

/** Human-readable content of a ballot, for the published receipt list and CSV. */
export const describeChoice = (spec: MotionSpec, choice: BallotChoice): string => {
  if (choice.kind === 'vote') return VOTE_OPTION_LABELS[choice.option];
  if (choice.kind === 'itemized' && spec.kind === 'itemized') {
    return spec.items.map((item, i) => `第${i + 1}项 ${VOTE_OPTION_LABELS[choice.options[item.id] ?? 'abstain']}`).join('；');
  }
  if (choice.kind === 'election' && spec.kind === 'election') {
    const names = spec.candidates.filter((c) => choice.candidateIds.includes(c.id)).map((c) => c.name);
    return names.length ? names.join('、') : '（空白票）';
  }
  if (choice.kind === 'rating' && spec.kind === 'rating') {
    return spec.subjects.map((s) => `${s.name}：${choice.ratings[s.id] ?? ''}`).join('；');
  }
  return '';
};

export interface VoteResult {
  kind: 'vote';
  counts: Record<VoteOption, number>;
  passed: boolean;
}
export interface ItemizedResult {
  kind: 'itemized';
  /** Each item with its own count and verdict, in the motion's order. */
  items: Array<{ id: string; name: string; proposalId?: string | undefined; counts: Record<VoteOption, number>; passed: boolean }>;
}
export interface ElectionResult {
  kind: 'election';
  seats: number;
  candidates: Array<{ id: string; name: string; votes: number; elected: boolean }>;
  /** Candidates tied at the last seat, all above the threshold: the seat needs another round. */
  tiedAtCutoff: string[];
  blankBallots: number;
}
export interface RatingResult {
  kind: 'rating';
  scale: string[];
  subjects: Array<{ id: string; name: string; note?: string | undefined; counts: number[] }>;
}

/** A closed motion's result: counted against all N delegates (第二十条). */
export type MotionResult = (VoteResult | ItemizedResult | ElectionResult | RatingResult) & {
  delegateCount: number;
  presentCount: number;
  castCount: number;
  threshold: number;
};

const noVotes = (): Record<VoteOption, number> => ({ yes: 0, no: 0, abstain: 0 });

/**
 * Counts ballots. A 表决 (and each item of a 分项表决, on its own) passes and a candidate is
 * elected only with ≥ ⌊N/2⌋+1 of all N;
 * among candidates over the line, the top K by votes are elected, and a tie across the last
 * seat elects none of the tied (another round decides).
 */
export const tallyBallots = (
  spec: MotionSpec,
  ballots: readonly BallotChoice[],
  delegateCount: number,
  presentCount: number,
): MotionResult => {
  const threshold = passThresholdOf(delegateCount);
  const base = { delegateCount, presentCount, castCount: ballots.length, threshold };
  if (spec.kind === 'vote') {
    const counts = noVotes();
    for (const b of ballots) if (b.kind === 'vote') counts[b.option] += 1;
    return { ...base, kind: 'vote', counts, passed: meetsPassThreshold(counts.yes, delegateCount) };
  }
  if (spec.kind === 'itemized') {
    const counts = new Map(spec.items.map((item) => [item.id, noVotes()]));
    for (const b of ballots) {
      if (b.kind !== 'itemized') continue;
      for (const [id, tally] of counts) {
        const option = b.options[id];
        if (isVoteOption(option)) tally[option] += 1;
      }
    }
    return {
      ...base,
      kind: 'itemized',
      items: spec.items.map((item) => {
        const c = counts.get(item.id) ?? noVotes();
        return {
          id: item.id,
          name: item.name,
          ...(item.proposalId !== undefined ? { proposalId: item.proposalId } : {}),
          counts: c,
          passed: meetsPassThreshold(c.yes, delegateCount),
        };
      }),
    };
  }
  if (spec.kind === 'election') {
    const votes = new Map(spec.candidates.map((c) => [c.id, 0]));
    let blankBallots = 0;
    for (const b of ballots) {
      if (b.kind !== 'election') continue;
      if (b.candidateIds.length === 0) blankBallots += 1;
      for (const id of b.candidateIds) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const ranked = spec.candidates.map((c) => ({ ...c, votes: votes.get(c.id) ?? 0 })).sort((a, b) => b.votes - a.votes);
    const over = ranked.filter((c) => meetsPassThreshold(c.votes, delegateCount));
    const elected = new Set<string>();
    const tiedAtCutoff: string[] = [];
    if (over.length <= spec.maxChoices) {
      for (const c of over) elected.add(c.id);
    } else {
      const cutoffVotes = over[spec.maxChoices - 1]?.votes ?? 0;
      const above = over.filter((c) => c.votes > cutoffVotes);
      const atCutoff = over.filter((c) => c.votes === cutoffVotes);
      for (const c of above) elected.add(c.id);
      if (above.length + atCutoff.length <= spec.maxChoices) for (const c of atCutoff) elected.add(c.id);
      else tiedAtCutoff.push(...atCutoff.map((c) => c.id));
    }
    return {
      ...base,
      kind: 'election',
      seats: spec.maxChoices,
      candidates: ranked.map((c) => ({ id: c.id, name: c.name, votes: c.votes, elected: elected.has(c.id) })),
      tiedAtCutoff,
      blankBallots,
    };
  }
  const subjects = spec.subjects.map((s) => ({ id: s.id, name: s.name, note: s.note, counts: spec.scale.map(() => 0) }));
  for (const b of ballots) {
    if (b.kind !== 'rating') continue;
    for (const s of subjects) {
      const level = spec.scale.indexOf(b.ratings[s.id] ?? '');
      if (level >= 0) s.counts[level] = (s.counts[level] ?? 0) + 1;
    }
  }
  return { ...base, kind: 'rating', scale: [...spec.scale], subjects };
};

/** A result's headline: 通过 / 未通过, or who was elected. */
export const resultVerdict = (r: MotionResult): string => {
  if (r.kind === 'vote') return r.passed ? '通过' : '未通过';
  if (r.kind === 'itemized') {
    const passed = r.items.filter((i) => i.passed).length;
    if (passed === r.items.length) return `${passed} 项全部通过`;
    if (passed === 0) return `${r.items.length} 项均未通过`;
    return `${passed} 项通过，${r.items.length - passed} 项未通过`;
  }
  if (r.kind === 'election') {
    const names = r.candidates.filter((c) => c.elected).map((c) => c.name);
    return names.length ? `当选：${names.join('、')}` : '无人当选';
  }
  return '测评完成';
};

/** The rule a result was counted under, in words (会议纪要, CSV, a proposal's timeline). */
export const passRuleText = (r: MotionResult): string => {
  const line = `全体代表 ${r.delegateCount} 人的过半数，即至少 ${r.threshold} 票`;
  if (r.kind === 'vote') return `赞成票达到${line}，方为通过`;
  if (r.kind === 'itemized') return `逐项计票，每项赞成票达到${line}，该项方为通过`;
  if (r.kind === 'election') return `应选 ${r.seats} 人；得票达到${line}，按得票多少当选`;
  return '按等次统计各测评对象的票数，不设通过票数';
};
