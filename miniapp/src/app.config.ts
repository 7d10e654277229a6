export default defineAppConfig({
  pages: ['pages/index/index', 'pages/card/index', 'pages/vote/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [{ root: 'officer', pages: ['pages/home/index'] }],
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
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/card/index', text: '会员卡' },
      { pagePath: 'pages/vote/index', text: '投票' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
