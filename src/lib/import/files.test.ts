import { describe, expect, it } from 'vitest';
import { pair } from './files';

const f = (path: string) => ({ file: new File([path], path.split('/').pop()!), path });

describe('the files a user gives', () => {
  it('takes a <file>.meta.json (or <stem>.meta.json) as the sidecar of the filing beside it, not as a filing', () => {
    const out = pair([f('a/x.txt'), f('a/x.txt.meta.json'), f('a/y.docx'), f('a/y.meta.json'), f('a/z.pdf')]);
    expect(out.map((p) => [p.path, p.meta?.name ?? null])).toEqual([
      ['a/x.txt', 'x.txt.meta.json'],
      ['a/y.docx', 'y.meta.json'],
      ['a/z.pdf', null],
    ]);
  });
});
