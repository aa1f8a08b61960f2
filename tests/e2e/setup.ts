/**
 * The site under test: a copy of dist/ whose data/ holds the seeds plus tests/e2e/fixtures (a hostile
 * filing, and two counties that share the name 新华区), ingested by the real `npm run ingest`,
 * summarized by the real build step, served on 127.0.0.1.
 * With PERFLENS_E2E_DATA=<dir> the data is that folder instead, built the same way with more filings
 * beside the seeds (`npm run test:province` uses the benchmark's province, bench/data/<scale>).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    /** The data is a province's: fetched per county, province-wide views from the build-time overview. */
    partitioned: boolean;
  }
}

export const ROOT = join(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject) {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no dist/: run `npm run build` first (npm run test:e2e does)');
  const site = mkdtempSync(join(tmpdir(), 'perflens-site-'));
  cpSync(dist, site, { recursive: true });
  const data = join(site, 'data');
  rmSync(data, { recursive: true, force: true });
  const given = process.env.PERFLENS_E2E_DATA;
  if (given) {
    if (!existsSync(join(given, 'summary.json'))) throw new Error(`${given}: no summary.json (run npm run bench first)`);
    symlinkSync(resolve(ROOT, given), data, 'dir');
  } else {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const run = (args: string[]) => execFileSync(tsx, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    run(['scripts/ingest.ts', '--out', data, 'data/raw', 'tests/e2e/fixtures/hostile.txt', 'tests/e2e/fixtures/same-name']);
    run(['scripts/site-summary.ts', data]);
  }
  const summary = JSON.parse(readFileSync(join(data, 'summary.json'), 'utf8')) as { layout: { partitioned: boolean } };
  const server = await serve(site, 0, { links: given ? ['data'] : [] });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('dataDir', data);
  project.provide('partitioned', summary.layout.partitioned);
  return async () => {
    await new Promise((done) => server.close(done));
    rmSync(site, { recursive: true, force: true });
  };
}
