import { Button } from '@tarojs/components';
import { platform } from '../../lib/platform';

/**
 * WeChat's 手机号快速验证 button (open-type getPhoneNumber): the one-time code in e.detail.code goes
 * to the server, which exchanges it with WeChat and compares the phone's HMAC. h5 has no such
 * button: nothing is rendered there, and the server's answer stays the neutral one.
 */
export function PhoneProofButton(props: { label: string; onCode(code: string): void; testId?: string }) {
  if (platform.kind !== 'weapp') return null;
  return (
    <Button
      className="btn-plain"
      openType="getPhoneNumber"
      data-testid={props.testId}
      onGetPhoneNumber={(e) => {
        if (e.detail.code) props.onCode(e.detail.code);
      }}
    >
      {props.label}
    </Button>
  );
}
