export { parseText, filingId } from './filing';
export { parseFiling, readFiling, type ReadOptions } from './document';
export { parseTarget } from './target';
export { parseAmount, formatYuan, yuanToNumber } from './money';
export { decode } from './decode';
export type * from './model';
