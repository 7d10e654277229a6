import { Button, Input, Text, View } from '@tarojs/components';
import {
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  fieldIssues,
  type JoinApplicationRequest,
  joinApplicationRequest,
  MEMBER_GROUP_LABELS,
  MEMBER_GROUPS,
  type MemberGroup,
  PRIVACY_NOTICE_TEXT,
  PRIVACY_NOTICE_VERSION,
} from '@union/shared';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { membershipErrorText } from './membership-api';
import { PhoneProofButton } from './phone-proof-button';

export interface JoinFormValues {
  name: string;
  phone: string;
  idNumber: string;
  employer: string;
  employmentType: EmploymentType | '';
  group: MemberGroup | '';
  isMigrantWorker: boolean | null;
  noticeAccepted: boolean;
}

export const emptyForm: JoinFormValues = {
  name: '',
  phone: '',
  idNumber: '',
  employer: '',
  employmentType: '',
  group: '',
  isMigrantWorker: null,
  noticeAccepted: false,
};

const toRequest = (v: JoinFormValues): Record<string, unknown> => ({
  name: v.name,
  phone: v.phone,
  idNumber: v.idNumber,
  employer: v.employer,
  employmentType: v.employmentType || undefined,
  group: v.group || undefined,
  isMigrantWorker: v.isMigrantWorker ?? undefined,
  noticeAccepted: v.noticeAccepted,
  noticeVersion: PRIVACY_NOTICE_VERSION,
});

/**
 * 实名入会表单. The shared zod contract checks it here first (errors under each field);
 * the server parses the same contract, and its refusals land under the field they name.
 */
export function JoinForm(props: {
  initial?: Partial<JoinFormValues>;
  submitLabel: string;
  onSubmit(form: JoinApplicationRequest): Promise<void>;
  /** Called in the tap itself once the form is valid, before it is sent (WeChat 订阅消息 asks only on a tap). */
  onValidTap?(): void;
}) {
  const [values, setValues] = useState<JoinFormValues>({ ...emptyForm, ...props.initial });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** After a neutral refusal (JOIN_REFUSED): the form as sent, to send again with a phone proof. */
  const [refused, setRefused] = useState<JoinApplicationRequest | null>(null);
  const set = <K extends keyof JoinFormValues>(key: K, value: JoinFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const submit = async () => {
    setBanner(null);
    const parsed = joinApplicationRequest.safeParse(toRequest(values));
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of fieldIssues(parsed.error)) next[issue.field] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    props.onValidTap?.();
    await send(parsed.data);
  };

  const send = async (form: JoinApplicationRequest) => {
    setBanner(null);
    setRefused(null);
    setBusy(true);
    try {
      await props.onSubmit(form);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'JOIN_REFUSED') setRefused({ ...form, phoneCode: undefined });
      if (e instanceof ApiError && e.field && e.field in values && e.code !== 'ALREADY_MEMBER') setErrors({ [e.field]: e.message });
      else setBanner(membershipErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: 'name' | 'phone' | 'idNumber' | 'employer',
    label: string,
    extra: { type?: 'number' | 'idcard' | 'text'; maxlength?: number; placeholder: string },
  ) => (
    <View className="field" data-testid={`field-${key}`}>
      <Text className="field-label">{label}</Text>
      <Input
        className={`input ${errors[key] ? 'input-error' : ''}`}
        value={values[key]}
        type={extra.type ?? 'text'}
        maxlength={extra.maxlength ?? 60}
        placeholder={extra.placeholder}
        onInput={(e) => set(key, e.detail.value)}
      />
      {errors[key] ? (
        <Text className="field-error" data-testid={`error-${key}`}>
          {errors[key]}
        </Text>
      ) : null}
    </View>
  );

  const fieldError = (key: string) =>
    errors[key] ? (
      <Text className="field-error" data-testid={`error-${key}`}>
        {errors[key]}
      </Text>
    ) : null;

  return (
    <View>
      {banner ? (
        <View className="error-banner" role="alert" data-testid="join-error">
          <Text>{banner}</Text>
        </View>
      ) : null}
      {refused ? (
        <PhoneProofButton label="验证本人手机号" testId="join-proof" onCode={(phoneCode) => void send({ ...refused, phoneCode })} />
      ) : null}
      {text('name', '姓名', { placeholder: '与身份证一致', maxlength: 30 })}
      {text('phone', '手机号', { type: 'number', maxlength: 11, placeholder: '11 位手机号码' })}
      {text('idNumber', '身份证号', { type: 'idcard', maxlength: 18, placeholder: '18 位身份证号码' })}
      <Text className="muted">出生日期和性别将根据身份证号自动识别，无需填写。</Text>
      {text('employer', '工作单位', { placeholder: '单位全称；平台从业者填写所在平台或站点' })}
      <View className="field" data-testid="field-employmentType">
        <Text className="field-label">就业形态</Text>
        <View className={errors.employmentType ? 'choices choices-error' : 'choices'}>
          {EMPLOYMENT_TYPES.map((t) => (
            <Button
              key={t}
              size="mini"
              className={values.employmentType === t ? 'btn-primary' : 'btn-plain'}
              onClick={() => set('employmentType', t)}
            >
              {EMPLOYMENT_TYPE_LABELS[t]}
            </Button>
          ))}
        </View>
        {fieldError('employmentType')}
      </View>
      <View className="field" data-testid="field-group">
        <Text className="field-label">八大群体类别</Text>
        <View className={errors.group ? 'choices choices-error' : 'choices'}>
          {MEMBER_GROUPS.map((g) => (
            <Button key={g} size="mini" className={values.group === g ? 'btn-primary' : 'btn-plain'} onClick={() => set('group', g)}>
              {MEMBER_GROUP_LABELS[g]}
            </Button>
          ))}
        </View>
        {fieldError('group')}
      </View>
      <View className="field" data-testid="field-isMigrantWorker">
        <Text className="field-label">是否农民工</Text>
        <View className="row" style={{ justifyContent: 'flex-start' }}>
          <Button
            className={values.isMigrantWorker === true ? 'btn-primary' : 'btn-plain'}
            size="mini"
            onClick={() => set('isMigrantWorker', true)}
          >
            是
          </Button>
          <Button
            className={values.isMigrantWorker === false ? 'btn-primary' : 'btn-plain'}
            size="mini"
            onClick={() => set('isMigrantWorker', false)}
          >
            否
          </Button>
        </View>
        {fieldError('isMigrantWorker')}
      </View>
      <View className="field" data-testid="field-noticeAccepted">
        <Text className="field-label">个人信息保护告知书（{PRIVACY_NOTICE_VERSION} 版）</Text>
        <Text className="muted">{PRIVACY_NOTICE_TEXT}</Text>
        <View
          className="row"
          style={{ justifyContent: 'flex-start' }}
          data-testid="notice-toggle"
          onClick={() => set('noticeAccepted', !values.noticeAccepted)}
        >
          <Text className="subtitle">{values.noticeAccepted ? '☑' : '☐'}</Text>
          <Text>我已阅读并同意上述告知书</Text>
        </View>
        {fieldError('noticeAccepted')}
      </View>
      <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit} data-testid="join-submit">
        {props.submitLabel}
      </Button>
    </View>
  );
}
