import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { MembershipStatus } from '../../../features/membership/membership-status';

/** 我的会籍 and the status of my 入会申请. */
export default function MembershipPage() {
  const session = useSignedIn();
  return <MemberPage>{session ? <MembershipStatus /> : null}</MemberPage>;
}
