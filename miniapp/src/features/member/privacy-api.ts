import type { LeaveResponse, MyData, PhoneCorrectionResponse } from '@union/shared/contracts/membership-responses.contract';
import type { PhoneCorrectionRequest } from '@union/shared/contracts/privacy.contract';
import { api } from '../../lib/api';

/** The person's rights under PIPL: see their data, correct the phone, leave the union. */
export const privacyApi = {
  myData: () => api.get<MyData>('/me/data'),
  correctPhone: (body: PhoneCorrectionRequest) => api.put<PhoneCorrectionResponse>('/me/phone', body),
  leave: () => api.post<LeaveResponse>('/me/membership/leave', { confirm: true }),
};
