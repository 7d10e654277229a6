export default definePageConfig({ navigationBarTitleText: '实事满意度测评报告' });
