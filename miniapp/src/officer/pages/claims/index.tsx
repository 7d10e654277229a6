import { OfficerClaims } from '../../../features/card/officer-claims';

export default function OfficerClaimsPage() {
  return <OfficerClaims />;
}
