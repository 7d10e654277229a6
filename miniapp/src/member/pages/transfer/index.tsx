import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useSignedIn } from '../../../components/use-signed-in';
import { TransferFlow } from '../../../features/membership/transfer-flow';

/** 会籍转移: ?invite=<id> opens it with the new union's invite already looked up. */
export default function TransferPage() {
  const router = useRouter();
  const session = useSignedIn();
  const raw = router.params.invite ?? null;
  return <View className="page">{session ? <TransferFlow inviteId={raw ? decodeURIComponent(raw) : null} /> : null}</View>;
}
