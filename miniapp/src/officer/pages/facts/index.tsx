import { OfficerFacts } from '../../../features/card/officer-facts';

export default function OfficerFactsPage() {
  return <OfficerFacts />;
}
