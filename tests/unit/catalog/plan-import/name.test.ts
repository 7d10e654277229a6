import { describe, expect, it } from 'vitest';
import { cleanName, fitName, NAME_MAX, nameService } from '../../../../shared/src/domain/plan-import/index';

describe('name', () => {
  it("uses a table row's name cell as written, quotes removed", () => {
    expect(nameService({ category: '帮扶救助', text: '走访慰问', rowName: '“两节”送温暖', facilities: [] })).toBe('两节送温暖');
  });

  it('names a list item by its lead, without verbs, markers or numbers', () => {
    expect(nameService({ category: '体检', text: '组织1000名农民工体检', lead: '3.开展农民工免费体检', facilities: [] })).toBe(
      '农民工免费体检',
    );
  });

  it('builds a name around the keyword when nothing names the service', () => {
    expect(nameService({ category: '保险', text: '为5000名快递员赠送意外伤害保险', facilities: [] })).toBe('意外伤害保险');
    expect(nameService({ category: '婚恋交友', text: '为单身职工举办联谊交友活动8场', facilities: [] })).toBe('单身职工联谊交友活动');
  });

  it('never names a service after a lead-in sentence', () => {
    const name = nameService({ category: '体检', text: '组织600名职工体检', lead: '今年将办好以下几件实事', facilities: [] });
    expect(name).not.toMatch(/以下|实事/);
  });

  it('cuts long phrases at a word boundary, keeping the head', () => {
    expect(fitName('在全区各个街道和社区为困难职工家庭子女开办暑期托管班')).toBe('暑期托管班');
    expect(fitName('为全市一线职工和劳动模范组织开展夏季疗休养活动').length).toBeLessThanOrEqual(NAME_MAX);
    expect(fitName('开展职工技能培训')).toBe('开展职工技能培训');
  });

  it('drops numbers, quotes, brackets and departments', () => {
    expect(cleanName('2.新建“职工书屋”30个（宣传部）')).toBe('职工书屋');
  });
});
