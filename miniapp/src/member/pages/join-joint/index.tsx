import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { JointUnionFinder } from '../../../features/membership/joint-union-finder';

/** 加入联合工会: for workers whose employer has no union. */
export default function JoinJointPage() {
  useSignedIn();
  return (
    <View className="page">
      <JointUnionFinder />
    </View>
  );
}
