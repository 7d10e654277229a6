import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSignedIn } from '../../../components/use-signed-in';
import { MinutesView } from '../../../features/congress/minutes-view';

/** 会议纪要 of a closed motion, printed on A4 by the officers who ran the vote. */
export default function MinutesPage() {
  const session = useSignedIn();
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  return <View className="page page-wide mn-page">{session ? <MinutesView motionId={id} /> : null}</View>;
}
