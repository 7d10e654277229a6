export default definePageConfig({ navigationBarTitleText: '阵地管理' });
