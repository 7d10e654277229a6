import Taro from '@tarojs/taro';
import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { ResultsView } from '../../../features/congress/results-view';

/** 表决结果: bars, 通过/未通过, receipts to check; printable for the 会议纪要. */
export default function ResultsPage() {
  const session = useSignedIn();
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  return <MemberPage className="page-wide">{session ? <ResultsView motionId={id} /> : null}</MemberPage>;
}
