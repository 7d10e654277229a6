export default definePageConfig({ navigationBarTitleText: '征集建议与候选项目' });
