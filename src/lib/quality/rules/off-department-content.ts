import { BODIES } from '../../parse/vocabulary';
import { q, qEn } from '../phrases';
import { type FilingRule, SOURCES } from '../rule';

/** Another body’s content: flags when a section of another body (政协, 法院 …) inside the filing. */
const rule: FilingRule = {
  id: 'off-department-content', level: 'filing', severity: 'major', source: SOURCES.cy88, cost: { filing: 'once', deduct: 'offDepartment' },
  name: { zh: '混入其他单位内容', en: 'Another body’s content' },
  checks: {
    zh: '文件中混入其他单位（政协、法院等）的内容。',
    en: 'A section of another body (政协, 法院 …) inside the filing.',
  },
  check: (f) => {
    const own = BODIES.find((b) => b.pattern.test(f.department));
    if (!own) return [];
    return f.projects.flatMap((p) => {
      const head = `${p.category ?? ''}${p.name}`;
      const other = own.pattern.test(head) ? undefined : BODIES.find((b) => b !== own && b.pattern.test(head));
      return other ? [{ project: p.ordinal, evidence: head, say: `${q(f.department)}的文件中有${other.short}的内容（${q(p.category ?? p.name)}：${q(p.name)}）；请核实是否误收，应由${other.short}单独报送。`, en: `The filing of ${qEn(f.department)} holds content of the ${other.short} (${qEn(p.category ?? p.name)}: ${qEn(p.name)}); check whether it was put in by mistake: the ${other.short} files its own.` }] : [];
    });
  },
};

export default rule;
