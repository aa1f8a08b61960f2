import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/lib/parse';

const filing = (title: string, dept: string) =>
  `${title}\n第二部分\n1.测试项目绩效目标表\n\t${dept}\n\t单位：万元\n\n\t项目名称\n\t测试项目\n\n\t预算数\n\t1.00\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n\t产出指标\n\t数量指标\n\t培训人次\n\t参加培训的人次\n\t≥200人次\n\t年度培训计划\n`;

describe('where a filing is from', () => {
  it('finds the county in the reporting body’s name, with its GB/T 2260 code and prefecture', () => {
    const r = parseText(filing('2023年部门预算', '101001隆尧县卫生健康局'), 'a.txt', { id: 'a', encoding: 'utf-8' });
    expect(r.ok && [r.filing.county, r.filing.countyCode, r.filing.city, r.filing.year]).toEqual(['隆尧县', '130525', '邢台市', 2023]);
  });
  it('says so when a name belongs to several counties, and guesses none', () => {
    const r = parseText(filing('2023年部门预算', '101001长安区财政局'), 'b.txt', { id: 'b', encoding: 'utf-8' });
    expect(r.ok && r.filing.countyCode).toBeNull();
    expect(r.ok && r.filing.findings.find((f) => f.rule === 'parse/county-ambiguous')?.message).toMatch(/长安区.*石家庄市.*西安市|长安区.*西安市.*石家庄市/);
  });
  it('uses the prefecture the text names to choose between them', () => {
    const r = parseText(filing('石家庄市长安区2023年部门预算', '101001长安区财政局'), 'c.txt', { id: 'c', encoding: 'utf-8' });
    expect(r.ok && [r.filing.countyCode, r.filing.city]).toEqual(['130102', '石家庄市']);
  });
  describe('with a sidecar', () => {
    const read = (dept: string, meta: object) => {
      const r = parseText(filing('2023年部门预算', dept), 'd.txt', { id: 'd', encoding: 'utf-8', meta });
      if (!r.ok) throw new Error('rejected');
      return [r.filing.county, r.filing.countyCode, r.filing.city, r.filing.findings.filter((f) => f.rule === 'parse/county-ambiguous').length];
    };
    it('completes a county_code with its name and prefecture', () => {
      expect(read('101001长安区财政局', { county_code: '130902' })).toEqual(['新华区', '130902', '沧州市', 0]);
    });
    it('gives a unique name its code, not the code the text suggests for another county', () => {
      expect(read('101001隆尧县卫生健康局', { county: '乐亭县' })).toEqual(['乐亭县', '130225', '唐山市', 0]);
    });
    it('leaves a shared name without a code and says so, unless its city settles it', () => {
      expect(read('101001隆尧县卫生健康局', { county: '新华区' })).toEqual(['新华区', null, null, 1]);
      expect(read('101001隆尧县卫生健康局', { county: '新华区', city: '石家庄市' })).toEqual(['新华区', '130105', '石家庄市', 0]);
    });
  });
});
