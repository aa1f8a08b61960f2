import type { MoneyUnit, Yuan } from './model';

export const FEN_PER: Record<MoneyUnit, bigint> = { 元: 100n, 万元: 1_000_000n };

export const yuan = (fen: bigint): Yuan => fen as Yuan;

/**
 * The tables hold money as DECIMAL(18,2): 18 digits, so under 10^16 yuan (10^18 fen) either way. An amount
 * past that would be stored as another number (128-bit words read back as 18 digits), so it is refused.
 */
export const MAX_FEN = 10n ** 18n;
export const fitsTables = (fen: bigint): boolean => fen < MAX_FEN && fen > -MAX_FEN;

/**
 * A decimal amount as written (`3.00`, `1,250.50`, `５．００`) in `unit`, exactly, in fen.
 * Rounds half up only below the fen (a filing never writes less). Null when it is not a plain amount.
 */
export function parseAmount(text: string | null, unit: MoneyUnit): Yuan | null {
  if (text == null) return null;
  const s = text
    .replace(/[\uff10-\uff19．，]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\s+/g, '');
  const m = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  const scaled = BigInt(m[2].replace(/,/g, '') + frac) * FEN_PER[unit];
  const div = 10n ** BigInt(frac.length);
  let fen = scaled / div;
  if ((scaled % div) * 2n >= div) fen += 1n;
  return yuan(m[1] ? -fen : fen);
}

/** `300300.00` — what the tables and CSVs carry. */
export function formatYuan(v: Yuan): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}

/** Yuan as a JavaScript number, for ratios and charts only (never for stored amounts). */
export function yuanToNumber(v: Yuan): number {
  return Number(v) / 100;
}
