export default definePageConfig({ navigationBarTitleText: '本会服务目录' });
