import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../src/lib/quality';
import { Stop } from './failures';

/** The command line of `npm run ingest`: flags by a table, anything wrong a usage message (exit 2). */
export interface Args {
  out: string;
  csv: boolean;
  jobs: number;
  /** What the filings are scored with: the defaults, or a province's (--settings FILE). */
  settings: Settings;
  paths: string[];
}

export const USAGE = 'usage: npm run ingest -- [--out DIR] [--csv] [--jobs N] [--settings FILE] [PATH ...]';

/** Each flag: the value it takes (if any) and how it sets the arguments; a message when the value is wrong. */
const FLAGS: Record<string, { value?: string; set: (a: Args, v: string) => string | void }> = {
  '--out': { value: 'a folder', set: (a, v) => void (a.out = v) },
  '--csv': { set: (a) => void (a.csv = true) },
  '--jobs': {
    value: 'a number of threads',
    set: (a, v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) return `--jobs takes a whole number of threads of 1 or more, not “${v}”`;
      a.jobs = n;
    },
  },
  '--settings': {
    value: 'a JSON file of scoring settings',
    set: (a, v) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(v, 'utf8'));
      } catch (e) {
        return `--settings ${v}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`;
      }
      const s = readSettings(json);
      if (typeof s === 'string') return `--settings ${v}: ${s} (src/lib/quality/settings.ts lists every setting)`;
      a.settings = s;
    },
  },
};

export function parseArgs(argv: string[]): Args | 'help' {
  // A worker per core by default. Measured here (2 cores, Hebei-sized synthetic province, 437 MB): one
  // thread 114 s and 1.9 GB, two workers 66 s and 1.1 GB. A handful of files is read on this thread.
  const args: Args = { out: 'public/data', csv: false, jobs: availableParallelism(), settings: DEFAULT_SETTINGS, paths: [] };
  const usage = (why: string) => new Stop(`ingest: ${why}\n${USAGE}`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    const flag = FLAGS[a];
    if (!flag) {
      if (a.startsWith('-') && a !== '-') throw usage(`unknown option ${a}`);
      args.paths.push(a);
      continue;
    }
    const v = flag.value ? argv[++i] : '';
    if (flag.value && (v === undefined || v === '' || v.startsWith('--'))) throw usage(`${a} needs ${flag.value}`);
    const wrong = flag.set(args, v);
    if (wrong) throw usage(wrong);
  }
  if (args.paths.length === 0) args.paths.push('data/raw');
  return args;
}
