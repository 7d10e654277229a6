import * as z from 'zod/mini';
import { FIELD_LABELS } from '../domain/common/field-labels';
import { idSchema } from './common.contract';

// Chinese names of the congress fields, so validation errors say which field is wrong.
const CONGRESS_FIELD_LABELS: Record<string, string> = {
  sessionName: '会议名称',
  startDate: '开始日期',
  endDate: '结束日期',
  delegates: '代表名单',
  memberNumber: '会员编号',
  delegation: '代表团',
  csv: '名单文件',
  decision: '审查结论',
  department: '承办部门',
  replyDeadline: '答复期限',
  reply: '答复内容',
  rating: '评价',
  comment: '评价意见',
  note: '落实情况',
  done: '是否办结',
  kind: '类型',
  description: '说明',
  candidates: '候选人',
  maxChoices: '应选人数',
  subjects: '测评对象',
  scale: '测评等次',
  option: '表决意见',
  candidateIds: '所选候选人',
  ratings: '测评意见',
  motionId: '表决事项',
  proposalId: '提案',
  sessionId: '会议',
};
for (const [k, v] of Object.entries(CONGRESS_FIELD_LABELS)) FIELD_LABELS[k] ??= v;

/** Trimmed text of `min`–`max` characters, with the congress forms' messages. */
export const congressText = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min <= 1 ? '不能为空' : `至少 ${min} 个字`), z.maxLength(max, `不超过 ${max} 个字`));

export const sessionParams = z.object({ sessionId: idSchema });
export const proposalParams = z.object({ proposalId: idSchema });
export const motionParams = z.object({ motionId: idSchema });
/** DELETE /congress/sessions/{sessionId}/roster/{userId} */
export const delegateParams = z.object({ sessionId: idSchema, userId: idSchema });

/** POST /congress/sessions/{sessionId}/proposals */
export const createProposalRequest = z.object({
  title: congressText(4, 60),
  cause: congressText(10, 2000),
  suggestion: congressText(10, 2000),
});
export type CreateProposalRequest = z.infer<typeof createProposalRequest>;
