import type { Format } from '../grid';

/**
 * What a file is, from its first bytes (a file's extension may lie): a zip (docx / xlsx by the parts it
 * holds), an OLE compound file (doc / xls, or an encrypted Office file), a PDF, an HTML page, or text.
 */
export type Sniffed = Exclude<Format, 'doc' | 'xls'> | 'zip' | 'ole' | 'empty';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // The part names sit in the local headers as plain ASCII: enough to tell the two apart.
    const head = ascii(bytes, 0, 64 * 1024);
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = ascii(bytes, start, start + 1024).replace(/^\s+/, '');
  if (head.startsWith('%PDF-') || ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta|<table|<!--)/i.test(head)) return 'html';
  return 'txt';
}
