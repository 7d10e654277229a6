import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { MyDataScreen } from '../../../features/member/my-data';

/** 我的 → 我的数据 (and 退会). */
export default function MyDataPage() {
  const session = useSignedIn();
  return <MemberPage>{session ? <MyDataScreen /> : null}</MemberPage>;
}
