import { DomainError } from '../common/errors';
import type { SessionClaims } from './roles';

/**
 * 职责分离 (separation of duties), one rule for every area: nobody decides their own case — not
 * their own 入会 application, 会籍转移, claim, or the facts the union records about them — however
 * far their officer power reaches. Another officer does it (PRODUCT.md "Security and privacy").
 */
export type OwnCase = 'application' | 'transfer' | 'claim' | 'facts';

const REFUSALS: Record<OwnCase, { code: string; message: string; field: string }> = {
  application: {
    code: 'APPLICATION_SELF_FORBIDDEN',
    message: '不能审核本人的入会申请，请由其他工会干部审核',
    field: 'applicationId',
  },
  transfer: {
    code: 'TRANSFER_SELF_FORBIDDEN',
    message: '不能审核本人的会籍转移申请，请由其他工会干部审核',
    field: 'transferId',
  },
  claim: { code: 'CLAIM_SELF_FORBIDDEN', message: '不能审核本人的申领，请由其他工会干部审核', field: 'claimId' },
  facts: {
    code: 'FACTS_SELF_FORBIDDEN',
    message: '不能为本人设置或确认认定信息（困难职工建档、劳动模范、入会时申报的群体身份等），请由其他工会干部认定',
    field: 'userId',
  },
};

/** Refuses (403, `<CASE>_SELF_FORBIDDEN`) when the one deciding is the person the case is about. */
export const refuseOwnCase = (session: Pick<SessionClaims, 'userId'>, subjectUserId: string, kind: OwnCase): void => {
  if (session.userId === subjectUserId) {
    const r = REFUSALS[kind];
    throw new DomainError(r.code, r.message, { field: r.field });
  }
};
