import { type CsvValue, csvDocument } from '../common/csv';
import {
  type BallotChoice,
  describeChoice,
  MOTION_KIND_LABELS,
  type MotionResult,
  type MotionSpec,
  passRuleText,
  resultVerdict,
  VOTE_OPTION_LABELS,
} from './motion';

const row = (...cells: CsvValue[]): CsvValue[] => cells;

/**
 * A closed motion's result as CSV for the 会议纪要 (through the formula-safe writer: titles and
 * candidate names are typed by people): the tally, then the published receipt codes with their choices.
 */
export const resultsToCsv = (
  motion: { title: string; spec: MotionSpec },
  result: MotionResult,
  receipts: ReadonlyArray<{ receiptCode: string; choice: BallotChoice }>,
): string => {
  const lines: CsvValue[][] = [
    row('事项', motion.title),
    row('类型', MOTION_KIND_LABELS[motion.spec.kind]),
    row('应到代表', result.delegateCount),
    row('实到代表', result.presentCount),
    row('投票人数', result.castCount),
    row('通过所需票数', result.threshold),
    row('计票规则', passRuleText(result)),
    row('结果', resultVerdict(result)),
    [],
  ];
  if (result.kind === 'vote') {
    lines.push(row('选项', '票数'));
    for (const [k, label] of Object.entries(VOTE_OPTION_LABELS)) lines.push(row(label, result.counts[k as keyof typeof result.counts]));
  } else if (result.kind === 'itemized') {
    lines.push(row('序号', '表决项', ...Object.values(VOTE_OPTION_LABELS), '结果'));
    for (const [i, item] of result.items.entries()) {
      lines.push(row(i + 1, item.name, item.counts.yes, item.counts.no, item.counts.abstain, item.passed ? '通过' : '未通过'));
    }
  } else if (result.kind === 'election') {
    lines.push(row('候选人', '得票', '是否当选'));
    for (const c of result.candidates) lines.push(row(c.name, c.votes, c.elected ? '当选' : '未当选'));
  } else {
    lines.push(row('测评对象', ...result.scale));
    for (const s of result.subjects) lines.push(row(s.name, ...s.counts));
  }
  lines.push([], row('回执码', '选票内容'));
  for (const r of receipts) lines.push(row(r.receiptCode, describeChoice(motion.spec, r.choice)));
  return csvDocument(lines);
};
