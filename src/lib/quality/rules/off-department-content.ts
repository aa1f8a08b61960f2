import { q } from '../phrases';
import { type FilingRule, SOURCES } from '../rule';

/** Another body’s content: flags when a section of another body (政协, 法院 …) inside the filing. */
const rule: FilingRule = {
  id: 'off-department-content', level: 'filing', severity: 'major', source: SOURCES.cy88, cost: { filing: 'once', deduct: 'offDepartment' },
  name: { zh: '混入其他单位内容', en: 'Another body’s content' },
  check: (f) => {
    const BODIES: [string, RegExp][] = [['政协', /政协/], ['法院', /法院/], ['检察院', /检察院/], ['人大', /人大|人民代表大会/], ['政府', /人民政府/]];
    const own = BODIES.find(([, re]) => re.test(f.department))?.[0];
    if (!own) return [];
    return f.projects.flatMap((p) => {
      const head = `${p.category ?? ''}${p.name}`;
      const other = BODIES.find(([b, re]) => b !== own && re.test(head) && !BODIES.find(([ob]) => ob === own)![1].test(head));
      return other ? [{ project: p.ordinal, evidence: head, say: `${q(f.department)}的文件中有${other[0]}的内容（${q(p.category ?? p.name)}：${q(p.name)}）；请核实是否误收，应由${other[0]}单独报送。` }] : [];
    });
  },
};

export default rule;
