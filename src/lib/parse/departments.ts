import { labelKey } from './text';

/**
 * The kinds of body a filing speaks for, as data: each kind's standard name, then the words its names
 * contain in the counties' many spellings (乐亭县人大常委会, 玉田县人民代表大会常务委员会本级, …). A name is
 * of the first kind one of whose words it contains, compared by `labelKey` (half-width, no spaces); the
 * raw name stays in `department`. More specific kinds come before the ones their words overlap
 * (人民政府 before 民政局). Adding a spelling is a word here.
 */
export const DEPARTMENT_KINDS: readonly [kind: string, words: readonly string[]][] = [
  ['人大常委会', ['人大常委会', '人民代表大会', '人大']],
  ['政协', ['政协', '政治协商会议']],
  ['人民法院', ['人民法院', '法院']],
  ['人民检察院', ['人民检察院', '检察院']],
  ['纪委监委', ['纪委', '监察委员会', '纪律检查委员会']],
  // before 民政局: 人民政府 contains 民政
  ['人民政府', ['人民政府办公室', '政府办公室', '人民政府']],
  ['教育局', ['教育和体育局', '教育体育局', '教育局', '教体局', '教育和科技局']],
  ['卫健委', ['卫生健康', '卫生和计划生育', '卫健局', '卫健委', '卫生局']],
  ['民政局', ['民政']],
  ['农业农村局', ['农业农村', '农业局', '农牧局', '农业和农村']],
  ['水利局', ['水利', '水务']],
  ['财政局', ['财政']],
  ['交通运输局', ['交通运输', '交通局']],
  ['自然资源局', ['自然资源', '国土资源']],
  ['人社局', ['人力资源和社会保障', '人力资源社会保障', '人社局']],
  ['市场监管局', ['市场监督管理', '市场监管']],
  ['司法局', ['司法局']],
  ['文旅局', ['文化广电和旅游', '文化和旅游', '文化旅游', '文广旅', '文体广电']],
  ['住建局', ['住房和城乡建设', '住房城乡建设', '住建局']],
  ['应急管理局', ['应急管理']],
  ['公安局', ['公安']],
  ['生态环境局', ['生态环境', '环境保护', '环保局']],
  ['审计局', ['审计']],
  ['发改局', ['发展和改革', '发展改革', '发改']],
];

const KINDS = DEPARTMENT_KINDS.map(([kind, words]) => [kind, words.map(labelKey)] as const);

/** The kind of body `name` names, or null when no kind's word is in it. */
export function departmentKind(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = labelKey(name);
  return KINDS.find(([, words]) => words.some((w) => key.includes(w)))?.[0] ?? null;
}
