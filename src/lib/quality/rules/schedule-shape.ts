import { q } from '../phrases';
import { type ProjectRule, type Hit, SOURCES } from '../rule';

/** Irregular spending plan: flags when plan outside 0–100, falling back, not reaching 100 in December (major); blank cells or amounts under a % header (minor). */
const rule: ProjectRule = {
  id: 'schedule-shape', level: 'project', severity: 'major', source: SOURCES.cy10, cost: { funding: 'schedule', major: 0, minor: 0.5 },
  name: { zh: '支出计划异常', en: 'Irregular spending plan' },
  check: (p) => {
    const pts = p.schedule;
    if (pts.length === 0) return [];
    const hits: Hit[] = [];
    const vals = pts.map((x) => x.pct);
    const shown = pts.map((x) => x.raw ?? '空').join(' / ');
    if (vals.some((v) => v != null && (v < 0 || v > 100))) hits.push({ evidence: shown, say: `项目${q(p.name)}的资金支出计划超出0–100%（${shown}）；累计进度不能超过100%。` });
    for (let k = 1; k < vals.length; k++) {
      const prev = vals.slice(0, k).filter((v) => v != null).at(-1);
      if (prev != null && vals[k] != null && vals[k]! < prev) {
        hits.push({ evidence: shown, say: `项目${q(p.name)}的累计支出计划在${pts[k].month}月底回落（${shown}）；累计进度应逐月不减。` });
        break;
      }
    }
    const dec = vals[3];
    if (dec == null || Math.abs(dec - 100) > 0.01) if (dec == null || dec < 100) hits.push({ evidence: shown, say: `项目${q(p.name)}的资金支出计划到12月底未达到100%（${shown}）；请补齐全年支出安排。` });
    if (vals.some((v) => v == null)) hits.push({ severity: 'minor', evidence: shown, say: `项目${q(p.name)}的资金支出计划有空格（${shown}）；请填写每个时点的累计进度。` });
    if (p.scheduleAsAmounts) hits.push({ severity: 'minor', evidence: shown, say: `项目${q(p.name)}的资金支出计划表头为“%”，填写的却是金额（${shown}）；已按预算数换算为百分比，请改填百分比。` });
    return hits;
  },
};

export default rule;
