import { squash } from '../classify';
import { q, qEn } from '../phrases';
import { type CorpusRow, type CorpusRule, type Hit, SOURCES } from '../rule';

/** The body's row as compared across years: its place, its body, and the row word for word (levels, target). */
const key = (r: CorpusRow) =>
  r.year != null && r.level3 && r.target && !r.satisfaction
    ? `${r.place}\u0001${squash(r.department)}\u0001${squash(r.level2)}|${squash(r.level3)}|${squash(r.target)}`
    : null;

/**
 * 指标年年照抄: an indicator repeated word for word (二级, 三级 and target) from the same body's filing of
 * the year before, in the same county. The standard satisfaction rows are expected to recur and are not
 * compared. Info; minor on a project whose compared rows are repeated at least `repeatedYearly.minorShare` %.
 */
const rule: CorpusRule = {
  id: 'repeated-yearly', level: 'corpus', severity: 'info', source: SOURCES.cy101, cost: { none: true },
  name: { zh: '指标照抄上年', en: 'Repeated from last year' },
  checks: {
    zh: '指标行（二级、三级指标和目标值）与同一单位上一年度的文件一字不差（指标年年照抄）。',
    en: 'An indicator row (level 2, level 3 and target) word for word the same body’s filing of the year before (targets copied year after year).',
  },
  cell: 'level3',
  key,
  mark: (r) => String(r.year),
  check: (rows, placesOf, s) => {
    const compared = new Map<string, number>();
    const repeated: CorpusRow[] = [];
    for (const r of rows) {
      if (key(r) == null) continue;
      const p = `${r.filing}#${r.project}`;
      compared.set(p, (compared.get(p) ?? 0) + 1);
      if (placesOf(r)?.has(String(r.year! - 1))) repeated.push(r);
    }
    const share = new Map<string, number>();
    for (const r of repeated) share.set(`${r.filing}#${r.project}`, (share.get(`${r.filing}#${r.project}`) ?? 0) + 1);
    return repeated.map((r): Hit => {
      const p = `${r.filing}#${r.project}`;
      const pct = (100 * share.get(p)!) / compared.get(p)!;
      const minor = pct >= s.repeatedYearly.minorShare;
      return {
        filing: r.filing, project: r.project, indicator: r.indicator, line: r.line, severity: minor ? 'minor' : 'info',
        evidence: `${r.level2 ?? ''} / ${r.level3} / ${r.target}`,
        say: `第${r.indicator}行指标${q(r.level3)}（目标值${q(r.target)}）与本单位${r.year! - 1}年的文件一字不差${minor ? `，本项目${Math.round(pct)}%的指标照抄上年` : ''}；请按本年度的任务重新设定。`,
        en: `Row ${r.indicator} indicator ${qEn(r.level3)} (target ${qEn(r.target)}) is word for word the body’s filing of ${r.year! - 1}${minor ? `; ${Math.round(pct)}% of this project’s indicators are copied from last year` : ''}; set it anew for this year’s work.`,
      };
    });
  },
};

export default rule;
