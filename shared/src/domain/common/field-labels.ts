/**
 * Chinese names of request fields, so a validation error can say which field is wrong
 * ("手机号：格式不正确") on both the client form and the server response.
 */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '手机号',
  idNumber: '身份证号',
  employer: '工作单位',
  employmentType: '就业形态',
  group: '八大群体类别',
  isMigrantWorker: '是否农民工',
  noticeVersion: '个人信息保护告知书版本',
  noticeAccepted: '个人信息保护告知书',
  inviteId: '邀请码',
  orgId: '组织',
  expiresAt: '有效期',
  maxUses: '最多使用次数',
  mode: '审核方式',
  reason: '理由',
  toOrgId: '转入组织',
  note: '说明',
  format: '格式',
  payload: '二维码内容',
  applicationId: '申请',
  transferId: '转移申请',
  code: '登录凭证',
  identityId: '演示身份',
  title: '标题',
  cause: '案由',
  suggestion: '建议',
  text: '文本',
  services: '服务条目',
  token: '凭证',
  limit: '数量',
  cursor: '分页游标',
  body: '请求体',
  area: '所在区域',
  path: '请求路径',
  phoneCode: '手机号验证凭证',
  confirm: '确认',
};

export const fieldLabel = (path: ReadonlyArray<PropertyKey>): string => {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  if (last === undefined) return '请求体';
  return FIELD_LABELS[last] ?? last;
};
