import { squash } from '../classify';
import { q, qEn } from '../phrases';
import { type CorpusRule, type Hit, SOURCES } from '../rule';

/** Boilerplate across filings: flags when the same rows in other counties' filings. */
const rule: CorpusRule = {
  id: 'cross-filing-boilerplate', level: 'corpus', severity: 'info', source: SOURCES.cy101, cost: { none: true },
  name: { zh: '跨文件套话', en: 'Boilerplate across filings' },
  checks: {
    zh: '同样的指标行出现在其他县区的文件中（套用模板）。',
    en: 'The same rows in other counties’ filings (boilerplate).',
  },
  cell: 'level3',
  key: (r) => (r.level3 && !r.satisfaction ? `${squash(r.level2)}|${squash(r.level3)}` : null),
  check: (rows, placesOf) => {
    const hits: Hit[] = [];
    for (const r of rows) {
      const others = [...(placesOf(r) ?? [])].filter((x) => x !== r.place);
      if (others.length === 0) continue;
      const named = others.map((o) => (/^[0-9a-f]{16}$/.test(o) ? '未注明县区的文件' : o));
      const shown = named.length > 5 ? `${named.slice(0, 5).join('、')}等${named.length}个县区` : named.join('、');
      const shownEn = named.length > 5 ? `${named.slice(0, 5).join(', ')} and others, ${named.length} counties in all` : named.join(', ');
      hits.push({ filing: r.filing, project: r.project, indicator: r.indicator, line: r.line, evidence: `${r.level2} / ${r.level3}`, say: `第${r.indicator}行指标${q(r.level3)}（${r.level2}）与${shown}的文件中的指标完全相同；请确认它反映的是本单位的实际情况。`, en: `Row ${r.indicator} indicator ${qEn(r.level3)} (${r.level2}) is word for word an indicator in the filings of ${shownEn}; make sure it reflects this body’s own work.` });
    }
    return hits;
  },
};

export default rule;
