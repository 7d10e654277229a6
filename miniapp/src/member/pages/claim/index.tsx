import { ClaimForm } from '../../../features/card/claim-form';

/** 申领 (thin: the form lives in features/card). */
export default function ClaimPage() {
  return <ClaimForm />;
}
