import { describe, expect, it } from 'vitest';
import { detectHeader, detectMarker, findDocNumber, parseOutline } from '../../../shared/src/domain/plan-import/index';

describe('document header', () => {
  it('reads issuer, number, year and title from a 文件 header', () => {
    const text = '临河市总工会文件\n临工发〔2024〕7号\n关于印发临河市总工会2024年工作要点的通知\n各县区总工会:';
    expect(detectHeader(text)).toEqual({
      issuer: '临河市总工会',
      year: 2024,
      number: '临工发〔2024〕7号',
      title: '关于印发临河市总工会2024年工作要点的通知',
    });
  });

  it('accepts bracket variants and normalises them', () => {
    expect(findDocNumber('北教工[2021]12号')).toEqual({ number: '北教工〔2021〕12号', year: 2021 });
    expect(findDocNumber('南工字(2019)3号')).toEqual({ number: '南工字〔2019〕3号', year: 2019 });
  });

  it('finds the issuer of a news-style summary', () => {
    const text = '青山区总工会召开工作会议\n近日,青山区总工会召开2025年工作会议。会上提出,今年将新建驿站15个。';
    expect(detectHeader(text).issuer).toBe('青山区总工会');
  });
});

describe('outline', () => {
  it('detects marker kinds', () => {
    expect(detectMarker('一、加强思想引领')).toMatchObject({ kind: 'cnDun', label: '一' });
    expect(detectMarker('(三)做好帮扶')).toMatchObject({ kind: 'cnParen', label: '（三）' });
    expect(detectMarker('4.开展体检')).toMatchObject({ kind: 'num', label: '4' });
    expect(detectMarker('4、开展体检')).toMatchObject({ kind: 'num', label: '4' });
    expect(detectMarker('①开展体检')).toMatchObject({ kind: 'circled', label: '①' });
    expect(detectMarker('第一方面:着力引导职工')).toMatchObject({ kind: 'part', label: '第一方面' });
    expect(detectMarker('1.2万名职工')).toBeUndefined();
  });

  it('builds nested clause paths and list paths', () => {
    const text = [
      '一、关心职工生活',
      '(一)做好帮扶',
      '1.开展送温暖。',
      '2.开展体检。',
      '(二)开展文体活动。',
      '二、服务职工十件实事',
      '1.赠送保险。',
      '8.发放慰问金。',
    ].join('\n');
    const paths = parseOutline(text).map((p) => p.path.join('/'));
    expect(paths).toEqual(['一', '一/（一）', '一/（一）/1', '一/（一）/2', '一/（二）', '十件实事', '十件实事/1', '十件实事/8']);
    expect(parseOutline(text)[7]?.inList).toBe(true);
  });

  it('splits several plans of one document (篇一, 篇二)', () => {
    const text = '工会工作计划篇一\n1.开展体检。\n工会工作计划篇二\n1.组织疗休养。';
    const paths = parseOutline(text).map((p) => p.path.join('/'));
    expect(paths).toEqual(['篇一', '篇一/1', '篇二', '篇二/1']);
  });

  it('tracks quarters as periods', () => {
    const paras = parseOutline('三、活动安排\n第一季度\n1.开展送温暖活动\n第二季度\n1.组织登山活动');
    expect(paras[2]?.period).toBe('第一季度');
    expect(paras[4]?.period).toBe('第二季度');
  });
});
