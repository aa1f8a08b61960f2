/**
 * The interface's words for what the data holds as codes: refusals, reading-report codes, bands — in both
 * languages, from the readers' own refusals (not strings written here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFiling } from '../parse';
import type { Rejection } from '../parse/model';
import { codeLabel, dictionaries, refusalText } from './i18n';
import { BANDS } from '../quality/settings';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const refusal = async (bytes: Uint8Array, name: string): Promise<Rejection> => {
  const r = await readFiling(bytes, name);
  if (r.ok) throw new Error(`${name} was read`);
  return r.rejection;
};
/** What is left of a sentence once the file's name, numbers and quoted text are out. */
const ownWords = (s: string, file: string) => s.replace(file, '').replace(/“[^”]*”|"[^"]*"|[\d.:]+|MB|OCR|PDF|UTF-8|GB18030|NUL|Word|Excel|Office/g, '');

describe('refusals', () => {
  const cases: [string, () => Uint8Array][] = [
    ['empty.txt', () => new Uint8Array()],
    ['pdf-scan.pdf', () => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/sources/pdf-scan.pdf')))],
    ['pdf-password.pdf', () => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/sources/pdf-password.pdf')))],
    ['doc-encrypted.doc', () => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/sources/doc-encrypted.doc')))],
    ['note.txt', () => new TextEncoder().encode('会议纪要\n今天开会。\n')],
  ];
  for (const [name, bytes] of cases) {
    it(`say in Chinese what ${name} should have been and was, and in English as the ingest does`, async () => {
      const r = await refusal(bytes(), name);
      const zh = refusalText('zh', r);
      expect(zh.startsWith(name)).toBe(true);
      expect(ownWords(zh, name), zh).not.toMatch(/[A-Za-z]{3,}/);
      expect(refusalText('en', r)).toBe(`${name}${r.line ? `:${r.line}` : ''}: expected ${r.expected}; found ${r.found}`);
    });
  }
});

describe('codes', () => {
  it('label every layout part, encoding and format of the seeds in both languages, none as its code', () => {
    for (const [kind, code] of [['layout', 'narrative+word-table'], ['layout', 'pdf-text'], ['layout', 'duty-table'], ['encoding', 'utf-8'], ['encoding', 'gb18030'], ['format', 'txt'], ['format', 'docx']] as const) {
      if (kind !== 'format') expect(codeLabel('zh', kind, code)).not.toContain(code.split('+')[0]); // a format may name its extension
      for (const lang of ['zh', 'en'] as const) expect(codeLabel(lang, kind, code)).not.toBe(code);
    }
    expect(codeLabel('zh', 'layout', 'narrative+word-table')).toBe('叙述段落 + Word 表格');
    expect(codeLabel('en', 'layout', 'a-layout-of-tomorrow')).toBe('a-layout-of-tomorrow'); // unknown: as it is
  });

  it('name each band in both languages', () => {
    for (const b of BANDS) {
      expect(dictionaries.zh[`band_${b}`]).toBe(b);
      expect(dictionaries.en[`band_${b}`]).toMatch(/^[A-Z][a-z]+$/);
    }
  });
});
