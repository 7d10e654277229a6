import { CardScreen } from '../../features/card/card-screen';

/** 会员卡 tab (thin: the screen lives in features/card). */
export default function CardPage() {
  return <CardScreen />;
}
