export default definePageConfig({ navigationBarTitleText: '加入联合工会' });
