/**
 * What every printed page carries besides its content: the document's title at the top, the date at the
 * bottom (the page number is static, in app.css). Both are text of the moment, so they are written into a
 * stylesheet at run time, as CSS string literals.
 */

/** `s` as a CSS string literal: quotes, backslashes and control characters escaped, so filing text stays text. */
export function cssString(s: string): string {
  const escaped = s.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

/** The local day, as the pages show it: 2025-06-01. */
export function printDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The page margin boxes that name the document (top left) and the day (bottom right). */
export function pageMargins(title: string, date: string): string {
  return `@page { @top-left { content: ${cssString(title)}; } @bottom-right { content: ${cssString(date)}; } }`;
}
