export default definePageConfig({ navigationBarTitleText: '实事征集与投票' });
