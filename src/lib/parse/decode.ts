/**
 * Bytes → text. Filings arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (common on
 * Chinese Windows). Anything else is refused rather than turned into mojibake.
 */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string; offset: number };

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Byte offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** Control characters other than tab, newline, carriage return and form feed: binary, not text. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;

/**
 * Text decoded from a legacy encoding must look like Chinese prose: mostly common CJK, ASCII and
 * CJK punctuation. Random bytes that happen to decode land in rare blocks (Ext-A, PUA, Hangul, Yi).
 */
function plausibleChinese(text: string): boolean {
  let ok = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (/[\u0020-\u007e\t\n\r\u00a0-\u00ff\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\u2100-\u22ff\u2460-\u24ff\u2500-\u25ff\u3200-\u32ff\ufe30-\ufe4f]/.test(ch)) ok++;
  }
  return total === 0 || ok / total >= 0.98;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode(bytes.subarray(3), 'utf-8');
    if (t != null) return checked(t, 'utf-8');
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const t = tryDecode(bytes.subarray(2), bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
    if (t != null) return checked(t, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 != null) return checked(utf8, 'utf-8');
  const gb = tryDecode(bytes, 'gb18030');
  if (gb != null && !CONTROL.test(gb) && plausibleChinese(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  const at = firstInvalidUtf8(bytes);
  return { ok: false, reason: 'unknown encoding: neither UTF-8 nor GB18030', offset: at < 0 ? 0 : at };
}

function checked(text: string, encoding: string): Decoded {
  const m = CONTROL.exec(text);
  if (m) return { ok: false, reason: `binary content (control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')})`, offset: m.index };
  return { ok: true, text, encoding };
}
