export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/card/index',
    'pages/vote/index',
    'pages/me/index',
    'pages/login/index',
    // Kept in the main package: the invite QR codes and links (shared joinUrl) open it.
    'pages/join/index',
  ],
  subPackages: [
    {
      root: 'officer',
      pages: [
        'pages/home/index',
        'pages/claims/index',
        'pages/facts/index',
        'pages/places/index',
        'pages/catalog/index',
        'pages/catalog/import',
        'pages/catalog/version',
        'pages/invites/index',
        'pages/review/index',
        'pages/congress/index',
        'pages/congress/proposal',
        'pages/congress/minutes',
        'pages/merchants/index',
      ],
    },
    {
      // Every member page that is not a tab (nor 登录, nor 扫码入会, which invite links open), loaded on
      // demand: 我的数据 (with 退会), 更正手机号, 加入联合工会, 申领, 核验, 服务目录, 我的会籍, 提案详情,
      // 表决结果 — kept out of the main package (its size limit, docs/ARCHITECTURE.md).
      root: 'member',
      pages: [
        'pages/data/index',
        'pages/phone/index',
        'pages/join-joint/index',
        'pages/claim/index',
        'pages/verify/index',
        'pages/catalog/index',
        'pages/membership/index',
        'pages/congress/proposal',
        'pages/congress/results',
        'pages/transfer/index',
        'pages/claims/index',
        'pages/activity/index',
        'pages/help/index',
        'pages/merchant-uses/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '工会会员服务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/card/index', text: '会员卡', iconPath: 'assets/tab/card.png', selectedIconPath: 'assets/tab/card-active.png' },
      { pagePath: 'pages/vote/index', text: '投票', iconPath: 'assets/tab/vote.png', selectedIconPath: 'assets/tab/vote-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
});
