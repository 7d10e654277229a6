import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { OfficerReview } from '../../../features/membership/officer-review';

/** 入会审核 and 会籍转移 (officer, desktop-friendly). */
export default function OfficerReviewPage() {
  const session = useSignedIn();
  return <View className="page page-wide">{session ? <OfficerReview /> : null}</View>;
}
