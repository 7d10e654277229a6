export default definePageConfig({ navigationBarTitleText: '服务目录版本对比' });
