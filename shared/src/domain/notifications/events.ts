/**
 * Notifications (消息): the events a member or officer is told about, what each says, and which
 * WeChat 订阅消息 template carries it. Pure: the outbox (functions/src/store/outbox.ts) writes one
 * notification item per recipient in the transaction of the change; the `notify` stream function
 * delivers it; the 消息 inbox lists the same items.
 *
 * Facts carry no 身份证号, phone or full name: a subject (a union, benefit, proposal or motion
 * name), a result word, the day, and a reason that is shown in full only inside the app.
 */

/** The WeChat 订阅消息 templates (one per kind of message a member subscribes to). */
export const NOTIFICATION_TEMPLATES = ['review', 'claim', 'proposal', 'meeting', 'project'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

interface EventSpec {
  template: NotificationTemplate;
  /** The inbox title (UI text). */
  title: string;
  /** The result word (WeChat `phrase`: at most 5 Chinese characters). */
  result: string;
  /** To officers (the officer desk's pages), not to members. */
  toOfficers?: true;
}

export const NOTIFICATION_EVENTS = {
  applicationApproved: { template: 'review', title: '入会申请已通过', result: '已通过' },
  applicationRejected: { template: 'review', title: '入会申请未通过', result: '未通过' },
  transferApproved: { template: 'review', title: '会籍转移已通过', result: '已通过' },
  transferRejected: { template: 'review', title: '会籍转移未通过', result: '未通过' },
  claimApproved: { template: 'claim', title: '申领已通过', result: '已通过' },
  claimRejected: { template: 'claim', title: '申领未通过', result: '未通过' },
  proposalAccepted: { template: 'proposal', title: '提案已立案', result: '已立案' },
  proposalConverted: { template: 'proposal', title: '提案转为意见建议', result: '转为建议' },
  proposalRejected: { template: 'proposal', title: '提案不予立案', result: '不予立案' },
  proposalReplied: { template: 'proposal', title: '提案已答复', result: '已答复' },
  proposalProgress: { template: 'proposal', title: '提案落实有进展', result: '有进展' },
  proposalReplyOverdue: { template: 'proposal', title: '提案答复已逾期', result: '已逾期', toOfficers: true },
  motionOpened: { template: 'meeting', title: '表决已开始', result: '已开始' },
  motionResults: { template: 'meeting', title: '表决结果已公布', result: '已公布' },
  projectCallOpened: { template: 'project', title: '实事征集开始了', result: '征集中' },
  projectVoteOpened: { template: 'project', title: '实事投票开始了', result: '投票中' },
} as const satisfies Record<string, EventSpec>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;
export const NOTIFICATION_EVENT_NAMES = Object.keys(NOTIFICATION_EVENTS) as NotificationEvent[];

/** Bounds of what a notification carries (a stored item, a message body). */
export const NOTIFICATION_LIMITS = { subject: 60, reason: 200, page: 200 } as const;

export interface NotificationFacts {
  /** What it is about: a union, benefit, proposal, motion or 征集 name. Never a person's name. */
  subject: string;
  /** Why (a rejection or decision reason): shown in full only inside the app. */
  reason?: string;
}

/** The inbox line of a notification: title and a body built from the facts. */
export const notificationText = (event: NotificationEvent, facts: NotificationFacts): { title: string; body: string } => {
  const spec = NOTIFICATION_EVENTS[event];
  const body = facts.reason ? `《${facts.subject}》${spec.result}：${facts.reason}` : `《${facts.subject}》${spec.result}`;
  return { title: spec.title, body };
};

/** Facts cut to their bounds (a subject or reason longer than the store keeps ends in …). */
export const boundedFacts = (facts: NotificationFacts): NotificationFacts => {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return {
    subject: cut(facts.subject, NOTIFICATION_LIMITS.subject),
    ...(facts.reason ? { reason: cut(facts.reason, NOTIFICATION_LIMITS.reason) } : {}),
  };
};
