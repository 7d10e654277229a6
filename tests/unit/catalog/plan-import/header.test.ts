import { describe, expect, it } from 'vitest';
import { findDocNumber, normalizePlanText, readHeader, structure } from '../../../../shared/src/domain/plan-import/index';

const header = (text: string) => readHeader(structure(normalizePlanText(text)));

describe('header', () => {
  it('reads issuer, number, year and title from a 文件 header', () => {
    expect(header('临河市总工会文件\n临工发〔2024〕7号\n关于印发临河市总工会2024年工作要点的通知\n各县区总工会:')).toEqual({
      issuer: '临河市总工会',
      year: 2024,
      number: '临工发〔2024〕7号',
      title: '关于印发临河市总工会2024年工作要点的通知',
    });
  });

  it('reads the issuer from a first line like "某县总工会20XX年…一览表" and stops the title at its line', () => {
    expect(header('石岭县总工会2026年为职工办实事项目一览表\n为切实办好民生实事，现将项目公布如下。')).toEqual({
      issuer: '石岭县总工会',
      year: 2026,
      number: null,
      title: '石岭县总工会2026年为职工办实事项目一览表',
    });
  });

  it('parts a title from the paragraph glued after it on the same line', () => {
    expect(header('石岭县总工会2026年为职工办实事项目一览表   今年将为全县职工办好以下实事。')).toMatchObject({
      issuer: '石岭县总工会',
      title: '石岭县总工会2026年为职工办实事项目一览表',
    });
  });

  it('joins an issuer line and the plan title under it', () => {
    expect(header('明川机械有限公司工会委员会\n2026年工会工作计划\n为团结动员全体员工…').title).toBe(
      '明川机械有限公司工会委员会2026年工会工作计划',
    );
  });

  it('finds the issuer of a news report and its year from the date', () => {
    const h = header(
      '青山区总工会部署今年工作\n发布时间:2025-02-26\n近日,青山区总工会召开全委会议。会上提出,今年将新建驿站15个。\n2025年2月26日',
    );
    expect(h.issuer).toBe('青山区总工会');
    expect(h.year).toBe(2025);
  });

  it('reads years in Chinese digits', () => {
    expect(header('某公司工会二〇二六年工作要点\n一、服务职工').year).toBe(2026);
  });

  it('accepts bracket variants of a document number', () => {
    expect(findDocNumber('北教工[2021]12号')).toEqual({ number: '北教工〔2021〕12号', year: 2021 });
    expect(findDocNumber('南工字(2019)3号')).toEqual({ number: '南工字〔2019〕3号', year: 2019 });
  });

  it('gives a compilation of several plans no single issuer', () => {
    const h = header(['工作要点汇编', '甲区总工会2026年工作要点', '1.组织体检。', '乙区总工会2026年工作要点', '1.组织慰问。'].join('\n'));
    expect(h.issuer).toBeNull();
    expect(h.title).toBe('工作要点汇编');
  });
});
