import { useRouter } from '@tarojs/taro';
import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { JoinFlow } from '../../features/membership/join-flow';

/** 扫码入会: h5 opens ?invite=<id>; a weapp code opens with ?scene=<id>. */
export default function JoinPage() {
  const router = useRouter();
  const session = useSignedIn();
  const raw = router.params.invite ?? router.params.scene ?? null;
  const inviteId = raw ? decodeURIComponent(raw) : null;
  return (
    <MemberPage>
      <JoinFlow inviteId={inviteId} signedIn={Boolean(session)} />
    </MemberPage>
  );
}
