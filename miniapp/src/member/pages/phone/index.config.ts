export default definePageConfig({ navigationBarTitleText: '更正手机号' });
