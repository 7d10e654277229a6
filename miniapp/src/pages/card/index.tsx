import { CardScreen } from '../../features/card/card-screen';
import { useUnreadBadge } from '../../lib/inbox-badge';

/** 会员卡 tab (thin: the screen lives in features/card). */
export default function CardPage() {
  useUnreadBadge();
  return <CardScreen />;
}
