export default definePageConfig({ navigationBarTitleText: '申领审核' });
