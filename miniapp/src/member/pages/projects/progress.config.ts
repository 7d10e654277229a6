export default definePageConfig({ navigationBarTitleText: '实事进度' });
