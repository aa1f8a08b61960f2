export { parseFiling, parseText, filingId } from './filing';
export { parseTarget } from './target';
export { parseAmount, formatYuan, yuanToNumber } from './money';
export { decode } from './decode';
export type * from './model';
