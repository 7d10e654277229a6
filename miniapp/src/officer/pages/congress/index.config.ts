export default definePageConfig({ navigationBarTitleText: '职代会管理' });
