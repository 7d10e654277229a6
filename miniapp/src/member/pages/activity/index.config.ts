export default definePageConfig({ navigationBarTitleText: '我的提案与表决' });
