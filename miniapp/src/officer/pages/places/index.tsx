import { OfficerPlaces } from '../../../features/card/officer-places';

export default function OfficerPlacesPage() {
  return <OfficerPlaces />;
}
