import type { MembershipView } from '@union/shared';
import type { MyData, PhoneCorrectionRequest } from '@union/shared/contracts/privacy.contract';
import { api } from '../../lib/api';

/** The person's rights under PIPL: see their data, correct the phone, leave the union. */
export const privacyApi = {
  myData: () => api.get<MyData>('/me/data'),
  correctPhone: (body: PhoneCorrectionRequest) => api.put<{ membership: MembershipView; verified: boolean }>('/me/phone', body),
  leave: () =>
    api.post<{ membership: MembershipView; purgeAfter: string; refreshSession: boolean }>('/me/membership/leave', { confirm: true }),
};
