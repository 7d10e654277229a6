import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { JointUnionFinder } from '../../../features/membership/joint-union-finder';

/** 加入联合工会: for workers whose employer has no union. */
export default function JoinJointPage() {
  useSignedIn();
  return (
    <MemberPage>
      <JointUnionFinder />
    </MemberPage>
  );
}
