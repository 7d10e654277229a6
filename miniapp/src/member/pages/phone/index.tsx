import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { PhoneCorrection } from '../../../features/member/phone-form';

/** 我的 → 更正手机号. */
export default function PhonePage() {
  const session = useSignedIn();
  return <MemberPage>{session ? <PhoneCorrection /> : null}</MemberPage>;
}
