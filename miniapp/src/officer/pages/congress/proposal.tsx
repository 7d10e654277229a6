import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSignedIn } from '../../../components/use-signed-in';
import { ProposalView } from '../../../features/congress/proposal-view';

/** 提案办理: 立案 / 转为意见建议 / 不予立案, 答复, 落实. */
export default function OfficerProposalPage() {
  const session = useSignedIn();
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  return <View className="page page-wide">{session ? <ProposalView proposalId={id} officer /> : null}</View>;
}
