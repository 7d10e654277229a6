export default definePageConfig({ navigationBarTitleText: '帮助与个人信息保护' });
