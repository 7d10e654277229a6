export default definePageConfig({ navigationBarTitleText: '申领福利' });
