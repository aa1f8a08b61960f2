import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from './decode';

const TEXT = '1.智慧人大系统运行维护经费绩效目标表\n\t单位：万元\n\t≥90%　m²';

describe('decode', () => {
  it('reads UTF-8, with or without BOM', () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(decode(bytes)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });
  it('reads GB18030, including characters GBK lacks', () => {
    expect(decode(iconv.encode(TEXT, 'gb18030'))).toEqual({ ok: true, text: TEXT, encoding: 'gb18030' });
  });
  it('reads UTF-16 with a BOM', () => {
    expect(decode(iconv.encode(TEXT, 'utf16-le', { addBOM: true }))).toMatchObject({ ok: true, text: TEXT });
  });
  it('refuses binary and unknown encodings instead of producing mojibake', () => {
    const noise = Uint8Array.from({ length: 300 }, (_, i) => (i * 73 + 11) % 256);
    expect(decode(noise).ok).toBe(false);
    expect(decode(iconv.encode('Привет, это не китайский текст, а кириллица в кодировке KOI8.', 'koi8-r')).ok).toBe(false);
    expect(decode(new TextEncoder().encode('abc\u0000def'))).toMatchObject({ ok: false, offset: 3 });
  });
});
