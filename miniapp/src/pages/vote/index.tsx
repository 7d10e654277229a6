import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { DelegateHome } from '../../features/congress/delegate-home';
import { useUnreadBadge } from '../../lib/inbox-badge';

/** 投票 tab: my congress sessions, 签到, ballots, receipts and 提案. */
export default function VotePage() {
  const session = useSignedIn();
  useUnreadBadge();
  return <MemberPage>{session ? <DelegateHome /> : null}</MemberPage>;
}
