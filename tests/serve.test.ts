/**
 * scripts/serve.ts, the real server on a real socket: what a careless link, a proxy or a hostile client
 * sends gets a status, never a crash; a download the client aborts gives back its file handle (300 of
 * them under a limit of 64 open files); links cannot lead out of the folder; the page's security policy
 * and the files' types and encodings are real headers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepted } from '../scripts/serve';

const ROOT = join(import.meta.dirname, '..');
let dir: string;
let outside: string;
let server: ChildProcess;
let port: number;

/** A raw request (fetch would normalize the path and refuse some methods). */
function get(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Starts a download and aborts it at its first bytes. */
const abortedDownload = (path: string) =>
  new Promise<void>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.once('data', () => {
        req.destroy();
        done();
      });
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? done() : fail(e)));
    req.end();
  });

const openFiles = () => readdirSync(`/proc/${server.pid}/fd`).length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'perflens-serve-'));
  outside = mkdtempSync(join(tmpdir(), 'perflens-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" />`,
  );
  writeFileSync(join(dir, 'assets', 'e.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(dir, 'assets', 'e.wasm.br'), 'br-bytes');
  writeFileSync(join(dir, 'assets', 'e.wasm.gz'), 'gz-bytes');
  writeFileSync(join(dir, 'big.arrow'), Buffer.alloc(16 << 20, 7)); // far more than a socket's buffers
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'leak.txt'));
  symlinkSync(outside, join(dir, 'out'));
  symlinkSync(join(dir, 'missing'), join(dir, 'dangling.txt'));
  // The real command, one process (node, not the tsx wrapper), under a low limit of open files.
  server = spawn('prlimit', ['--nofile=64:64', process.execPath, '--import', 'tsx', 'scripts/serve.ts', dir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  port = await new Promise<number>((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /127\.0\.0\.1:(\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    server.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
  });
});

afterAll(() => {
  server?.kill();
  for (const d of [dir, outside]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('serve', () => {
  it('answers an address that is not valid percent-encoding with 400, and keeps serving', async () => {
    for (const path of ['/%ff', '/100%', '/%E4%B8', '/a%00b']) expect((await get(path)).status, path).toBe(400);
    expect((await get('/index.html')).status).toBe(200);
  });

  it('allows GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await get('/index.html', { method });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    const head = await get('/big.arrow', { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, String(16 << 20), '']);
  });

  it('never leads out of its folder: not by `..`, not by a link', async () => {
    for (const path of ['/../' + outside.split('/').pop() + '/secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/leak.txt', '/out/secret.txt', '/dangling.txt']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('sends the page’s security policy as headers, with frame-ancestors', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves wasm as application/wasm, precompressed by what the browser accepts', async () => {
    const plain = await get('/assets/e.wasm');
    expect([plain.headers['content-type'], plain.headers['content-encoding'], plain.headers.vary]).toEqual(['application/wasm', undefined, 'accept-encoding']);
    const br = await get('/assets/e.wasm', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect([br.headers['content-type'], br.headers['content-encoding'], br.body]).toEqual(['application/wasm', 'br', 'br-bytes']);
    const gz = await get('/assets/e.wasm', { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect([gz.headers['content-encoding'], gz.body]).toEqual(['gzip', 'gz-bytes']);
    expect(gz.headers['cache-control']).toContain('immutable');
    expect([...accepted('gzip;q=0.5, br;q=0, identity')]).toEqual(['gzip', 'identity']);
  });

  it('gives back the file of every aborted download: 300 of them under a limit of 64 open files', async () => {
    const before = openFiles();
    for (let i = 0; i < 300; i += 10) await Promise.all(Array.from({ length: 10 }, () => abortedDownload('/big.arrow')));
    // a destroyed stream closes its file on the next turns of the server's loop
    await expect.poll(openFiles, { interval: 50, timeout: 5000 }).toBeLessThanOrEqual(before + 2);
    const r = await get('/big.arrow');
    expect([r.status, r.body.length]).toEqual([200, 16 << 20]);
  });
});
