/**
 * The mini-program page each notification opens (the WeChat 订阅消息's `page`, the inbox's link), with
 * its query. Pure strings: they are written into the notification item by the change that makes it,
 * so a page moved in app.config.ts must move here too (tests/unit/miniapp/page-routes.test.ts reads
 * this file and holds every path to app.config.ts).
 */
export const NOTIFICATION_PAGES = {
  /** 我的会籍: the membership, the 入会 application's progress and the transfers (with a rejection's reason). */
  membership: () => '/member/pages/membership/index',
  /** 我的申领: the member's claims with their status and a rejection's reason. */
  myClaims: () => '/member/pages/claims/index',
  /** 提案详情 with its timeline (the proposer's page). */
  proposal: (proposalId: string) => `/member/pages/congress/proposal?id=${encodeURIComponent(proposalId)}`,
  /** The officer's 提案办理 page of one proposal. */
  officerProposal: (proposalId: string) => `/officer/pages/congress/proposal?id=${encodeURIComponent(proposalId)}`,
  /** The 投票 tab, where a signed-in delegate votes (a tab page takes no query: WeChat's switchTab drops it). */
  voteTab: () => '/pages/vote/index',
  /** 表决结果 of one motion. */
  motionResults: (motionId: string) => `/member/pages/congress/results?id=${encodeURIComponent(motionId)}`,
  /** A 实事征集, where members suggest and support. */
  projectCall: (callId: string) => `/member/pages/projects/call?callId=${encodeURIComponent(callId)}`,
  /** A 实事 member vote. */
  projectVote: (voteId: string) => `/member/pages/projects/vote?voteId=${encodeURIComponent(voteId)}`,
} as const;
