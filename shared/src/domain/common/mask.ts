/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜 (PRODUCT.md: masked name). */
export const maskName = (name: string): string => {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
};

/** 13812345678 → 138****5678 */
export const maskPhone = (phone: string): string =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);

/**
 * A WeChat openid (28 characters) → its first and last four, stars between: enough for the person to
 * tell it is theirs, nothing a screenshot of their data export could be matched on.
 */
export const maskOpenId = (openId: string): string =>
  openId.length > 12 ? `${openId.slice(0, 4)}${'*'.repeat(openId.length - 8)}${openId.slice(-4)}` : '*'.repeat(openId.length);

/** 320102199001011234 → 3201**********1234 */
export const maskIdNumber = (id: string): string =>
  id.length === 18 ? `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}` : '*'.repeat(id.length);
