/**
 * Numbers for people. Money arrives as exact bigint fen and is formatted with bigint arithmetic; only
 * `fenToWan` makes a float, on purpose, for chart geometry.
 */

function groupDigits(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** fen → a decimal string with `places` decimals after dividing by 10^shift, rounded half away from zero. */
function scaled(fen: bigint, shift: number, places: number): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const drop = 10n ** BigInt(shift - places);
  const units = (abs + drop / 2n) / drop; // rounded to `places` decimals
  const s = units.toString().padStart(places + 1, '0');
  const int = s.slice(0, s.length - places);
  const frac = places ? `.${s.slice(-places)}` : '';
  return `${neg ? '-' : ''}${groupDigits(int)}${frac}`;
}

/** 万元 with thousands separators: 300300.00 元 → `30.03`. */
export const wan = (fen: bigint | null, places = 2) => (fen == null ? '—' : scaled(fen, 6, places));

/** A decimal's text with its integer part grouped in thousands: `-1234567.80` → `-1,234,567.80` (the tables' exact amounts). */
export const groupedDecimal = (v: string) => v.replace(/^(-?\d+)/, (int) => groupDigits(int));

/** 元, exact: `300,300.00`. */
export const yuan = (fen: bigint | null) => (fen == null ? '—' : scaled(fen, 2, 2));

/** A float in 万元 for drawing (bars, axes); never for display of the amount itself. */
export const fenToWan = (fen: bigint | null): number | null => (fen == null ? null : Number(fen) / 1e6);

export const integer = (n: number | null) => (n == null ? '—' : groupDigits(String(Math.round(n))));

export const score = (s: number | null) => (s == null ? '—' : s.toFixed(1));

export const pct = (x: number | null, places = 1) => (x == null ? '—' : `${Number(x.toFixed(places))}%`);

/** Text for an HTML string (ECharts tooltips are HTML): every character that could open markup escaped. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
