import { DIVISIONS, type Division } from '../../src/lib/parse/divisions';
import { Random } from './random';

/**
 * A synthetic filing before it is written as text: realistic departments, projects, plans and indicators,
 * with defects at rates like the seeds'. Amounts are integer fen.
 */
export type Layout = 'word' | 'pdf' | 'narrative' | 'duty';

export interface SynthIndicator {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  target: string;
  basis: string;
}

export interface SynthProject {
  name: string;
  code: string;
  budgetFen: bigint;
  fiscalFen: bigint;
  otherFen: bigint | null;
  purpose: string;
  goals: string[];
  plan: (number | null)[];
  indicators: SynthIndicator[];
  kind: 'project' | 'personnel' | 'operating';
}

export interface SynthFiling {
  county: Division;
  year: number;
  deptCode: string;
  dept: string;
  unit: '元' | '万元';
  layout: Layout;
  gb18030: boolean;
  projects: SynthProject[];
}

const BODIES: [string, string[]][] = [
  ['人大常委会', ['代表活动', '人大会议', '执法检查', '代表培训', '代表之家运行']],
  ['政协', ['政协全会', '委员视察', '文史资料编纂', '提案办理']],
  ['教育局', ['课后服务补助', '学生资助', '校舍维修', '教师培训', '营养改善计划']],
  ['卫生健康局', ['基本公共卫生服务', '家庭医生签约', '重大传染病防控', '妇幼保健']],
  ['民政局', ['城乡低保', '特困供养', '养老服务补贴', '殡葬改革']],
  ['水利局', ['农村饮水安全维修养护', '河道清淤', '山洪灾害防治', '水土保持']],
  ['农业农村局', ['高标准农田建设', '病虫害统防统治', '农机购置补贴', '畜禽防疫']],
  ['交通运输局', ['农村公路养护', '县乡道安全防护', '客运站运营补贴']],
  ['自然资源局', ['地质灾害防治', '不动产登记平台运维', '耕地保护']],
  ['人力资源和社会保障局', ['公益性岗位补贴', '职业技能培训', '就业见习补贴']],
  ['市场监督管理局', ['食品安全抽检', '特种设备监管', '计量检定']],
  ['司法局', ['法律援助', '人民调解', '社区矫正', '普法宣传']],
  ['财政局', ['预算绩效评价', '财政信息化运维', '国库集中支付']],
  ['文化广电和旅游局', ['公共文化服务', '文物保护', '全民阅读']],
  ['住房和城乡建设局', ['老旧小区改造', '城市生活垃圾清运', '燃气安全检查']],
  ['应急管理局', ['安全生产执法', '应急物资储备', '森林防火']],
];

/** Departments of a county: real kinds of bodies, 6-digit unit codes. */
export function departments(county: Division, count: number): { code: string; name: string; activities: string[] }[] {
  return Array.from({ length: count }, (_, k) => {
    const [body, activities] = BODIES[k % BODIES.length];
    const suffix = k < BODIES.length ? '' : `第${Math.floor(k / BODIES.length) + 1}分局`;
    return { code: String(101001 + k * 1000).slice(0, 6), name: `${county.name}${body}${suffix}`, activities };
  });
}

/** The first `n` county-level divisions of a province (GB/T 2260), in code order. */
export function counties(province: string, n: number): Division[] {
  return DIVISIONS.filter((d) => d.code.startsWith(province) && !/^市辖区$/.test(d.name)).slice(0, n);
}

const QUANT: [string, string, (r: Random, a: string) => [string, string, string]][] = [
  ['产出指标', '数量指标', (r, a) => [`开展${a}次数`, `反映全年开展${a}的次数`, `≥${r.int(2, 40)}次`]],
  ['产出指标', '数量指标', (r, a) => [`${a}受益人数`, `反映${a}覆盖的服务对象人数`, `≥${r.int(50, 30000)}人`]],
  ['产出指标', '质量指标', (r, a) => [`${a}合格率`, `反映验收合格的${a}任务数占任务总数的比例`, `≥${r.int(85, 100)}%`]],
  ['产出指标', '质量指标', (r, a) => [`${a}完成率`, `反映已完成${a}任务占计划任务的比例`, `≥${r.int(80, 100)}%`]],
  ['产出指标', '时效指标', (r, a) => [`${a}完成时限`, `反映${a}全年任务的完成时间`, `${r.int(10, 12)}月底前`]],
  ['产出指标', '时效指标', (r, a) => [`${a}及时率`, `反映按时完成的${a}任务占任务总数的比例`, `≥${r.int(85, 100)}%`]],
  ['效益指标', '社会效益指标', (r, a) => [`${a}覆盖率`, `反映${a}覆盖对象占应覆盖对象的比例`, `≥${r.int(80, 100)}%`]],
  ['效益指标', '可持续影响指标', (r, a) => [`${a}长效机制建立率`, `反映建立长效机制的单位占应建立单位的比例`, `≥${r.int(70, 100)}%`]],
  ['效益指标', '经济效益指标', (r, a) => [`${a}资金节约率`, `反映节约资金占预算资金的比例`, `≥${r.int(1, 10)}%`]],
  ['效益指标', '生态效益指标', (r, a) => [`${a}绿色采购比例`, `反映绿色采购金额占采购总额的比例`, `≥${r.int(30, 90)}%`]],
];
const VAGUE: [string, string, string, string][] = [
  ['效益指标', '社会效益指标', '促进社会和谐稳定', '促进社会发展'],
  ['效益指标', '经济效益指标', '促进地方经济发展', '促进经济发展'],
  ['效益指标', '可持续影响指标', '长期使用性', '长期'],
  ['产出指标', '质量指标', '工作质量', '有效提升'],
  ['产出指标', '时效指标', '完成时间', '如期完成'],
];
const SPECIFIC_BASIS = ['财预〔2021〕101号', '《{county}{year}年工作要点》', '上年实际完成情况', '行业标准', '{county}{year}年度工作计划', '冀财预〔2020〕35号'];
const GENERIC_BASIS = ['年度工作计划', '相关政策文件', '依据单位指标考核', '依据相关政策文件确定'];

function fenOf(yuan: number, unit: '元' | '万元'): bigint {
  // 万元 filings write two decimals of 万元: whole hundreds of yuan.
  const step = unit === '万元' ? 100 : 1;
  return BigInt(Math.max(step, Math.round(yuan / step) * step)) * 100n;
}

export function synthFiling(r: Random, county: Division, dept: { code: string; name: string; activities: string[] }, year: number): SynthFiling {
  const layout: Layout = r.chance(0.6) ? 'word' : r.chance(0.4) ? 'pdf' : r.chance(0.7) ? 'narrative' : 'duty';
  const unit: '元' | '万元' = r.chance(0.5) ? '万元' : '元';
  const nProjects = layout === 'duty' ? r.int(3, 6) : r.int(3, 9);
  const projects: SynthProject[] = [];
  for (let k = 0; k < nProjects; k++) {
    const activity = `${r.pick(dept.activities)}${k >= dept.activities.length ? `（${k + 1}）` : ''}`;
    const budgetYuan = r.logUniform(10_000, 50_000_000);
    const budgetFen = fenOf(budgetYuan, unit);
    const hasOther = r.chance(0.15);
    const otherFen = hasOther ? (budgetFen / 500n) * 100n : r.chance(0.5) ? 0n : null;
    const fiscalFen = budgetFen - (otherFen ?? 0n) + (r.chance(0.01) ? 10000n : 0n); // rare arithmetic defect
    const plan = (() => {
      const q1 = r.int(10, 30);
      const q2 = Math.min(100, q1 + r.int(15, 35));
      const q3 = Math.min(100, q2 + r.int(15, 35));
      const dec = r.chance(0.03) ? r.int(85, 99) : 100;
      const xs: (number | null)[] = [q1, q2, q3, dec];
      if (r.chance(0.04)) xs[0] = null;
      return xs;
    })();
    const n = r.int(6, 12);
    const indicators: SynthIndicator[] = [];
    // Most filings give one basis for most rows of a project, as the seeds do.
    const anyBasis = () => (r.chance(0.5) ? r.pick(GENERIC_BASIS) : r.pick(SPECIFIC_BASIS).replace('{county}', county.name).replace('{year}', String(year)));
    const projectBasis = anyBasis();
    const basisFor = () => (r.chance(0.7) ? projectBasis : anyBasis());
    for (let i = 0; i < n - 2; i++) {
      if (r.chance(0.2)) {
        const [l1, l2, l3, t] = r.pick(VAGUE);
        indicators.push({ level1: l1, level2: l2, level3: l3, description: r.chance(0.5) ? l3 : `反映${l3}情况`, target: t, basis: basisFor() });
      } else {
        const [l1, l2, make] = QUANT[i % QUANT.length];
        const [l3, desc, target] = make(r, activity);
        indicators.push({ level1: l1, level2: l2, level3: l3, description: desc, target: r.chance(0.03) ? target.replace(/[次人%]|月底前/, '') : target, basis: basisFor() });
      }
    }
    const wan = Number(budgetFen) / 1_000_000;
    const costTarget = unit === '万元' || r.chance(0.5) ? `≤${(wan * (r.chance(0.03) ? 1.05 : 1)).toFixed(2)}万元` : `≤${(Number(budgetFen) / 100).toFixed(0)}元`;
    indicators.push({ level1: '产出指标', level2: '成本指标', level3: '项目成本', description: `反映${activity}项目总成本`, target: costTarget, basis: basisFor() });
    indicators.push({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', description: '抽样调查中满意人数占调查人数的比例', target: `≥${r.pick([80, 85, 90, 95])}%`, basis: basisFor() });
    // Group by first level as the template does.
    const order = ['产出指标', '效益指标', '满意度指标'];
    indicators.sort((a, b) => order.indexOf(a.level1) - order.indexOf(b.level1) || a.level2.localeCompare(b.level2));
    projects.push({
      name: `${activity}经费`,
      code: `${county.code}${String(year).slice(2)}P${String(r.int(0, 99_999_999)).padStart(8, '0')}${r.pick(['A', 'B', 'C', 'D'])}`,
      budgetFen, fiscalFen, otherFen, kind: 'project',
      purpose: `用于${activity}相关工作的${r.pick(['劳务费', '材料费', '差旅费', '印刷费', '委托业务费'])}、${r.pick(['办公费', '会议费', '培训费', '维修费'])}等支出。`,
      goals: [`全年完成${activity}任务`, `提高${activity}服务质量和效率`].slice(0, r.int(1, 2)),
      plan,
      indicators,
    });
  }
  if (layout === 'narrative') {
    for (const [name, kind] of [['人员经费', 'personnel'], ['日常公用经费', 'operating']] as const) {
      projects.unshift({
        name, code: '', kind, budgetFen: fenOf(r.logUniform(200_000, 8_000_000), '元'), fiscalFen: 0n, otherFen: null,
        purpose: '', goals: [kind === 'personnel' ? '保障在职及退休人员工资正常发放' : '保障机关各项工作正常运行'], plan: [25, 50, 75, 100],
        indicators: [
          { level1: '产出指标', level2: '数量指标', level3: '发放覆盖率', description: '发放人数占总人数的百分比', target: '>＝100%', basis: '相关政策文件规定' },
          { level1: '效益指标', level2: '社会效益指标', level3: '保障正常运行能力', description: '', target: '正常运转', basis: '相关政策文件规定' },
          { level1: '满意度指标', level2: '服务对象满意度', level3: '群众满意度情况', description: '', target: '>＝95%', basis: '相关政策文件规定' },
        ],
      });
    }
  }
  return { county, year, deptCode: dept.code, dept: dept.name, unit, layout, gb18030: r.chance(0.2), projects };
}
