import Taro from '@tarojs/taro';
import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { ProposalView } from '../../../features/congress/proposal-view';

/** 提案详情与办理进程 (the proposer's timeline). */
export default function ProposalPage() {
  const session = useSignedIn();
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  return <MemberPage>{session ? <ProposalView proposalId={id} /> : null}</MemberPage>;
}
