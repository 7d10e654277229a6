export default definePageConfig({ navigationBarTitleText: '实事投票管理' });
