/**
 * A small static file server for the built site (and any folder): 127.0.0.1 only, correct MIME types
 * (application/wasm lets the browser compile while downloading), precompressed `.br` / `.gz` files served
 * when the browser accepts them, hashed assets cached for good. Hardened for what a browser, a proxy or a
 * careless link sends: a URL that does not decode is a 400, a method other than GET and HEAD a 405, a
 * path (or a link inside the folder) leading out of it a 404, an aborted download closes its file, and no
 * request can throw past the handler. The page's Content-Security-Policy is sent as a header as well, with
 * `frame-ancestors` (which a meta tag cannot carry).
 * Usage: tsx scripts/serve.ts [DIR=dist] [--port 4173]
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Precompressed siblings, in the order they are preferred: the encoding's name and the file's suffix. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/** The encodings an Accept-Encoding header allows (a `;q=0` refuses one). */
export function accepted(header: string): Set<string> {
  const ok = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) ok.add(name.trim());
  }
  return ok;
}

/** The policy of the page's meta tag (one definition: src/index.html, copied into the build). */
function policyOf(root: string): string {
  const page = join(root, 'index.html');
  const meta = existsSync(page) ? /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(page, 'utf8')) : null;
  return `${meta ? meta[1] : "default-src 'self'"}; frame-ancestors 'none'`;
}

const SECURITY = (policy: string) => ({
  'content-security-policy': policy,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);

export interface ServeOptions {
  host?: string;
  /** Links inside the folder that may lead out of it (a site whose `data/` links to a province's data). */
  links?: string[];
}

export function serve(dir: string, port: number, { host = '127.0.0.1', links = [] }: ServeOptions = {}): Promise<Server> {
  const root = realpathSync(resolve(dir));
  // Where a file may really be: the folder, and the targets of the links it was given.
  const roots = [root, ...links.flatMap((l) => (existsSync(resolve(root, l)) ? [realpathSync(resolve(root, l))] : []))];
  const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r + sep));
  const headers = SECURITY(policyOf(root));

  /** The real path of a regular file inside the roots, or null (missing, a broken link, a way out). */
  function regular(file: string): string | null {
    try {
      const real = realpathSync(file);
      return inside(real) && statSync(real).isFile() ? real : null;
    } catch {
      return null;
    }
  }

  /** The file a URL path names (a folder's index.html), or null. */
  function fileOf(path: string): string | null {
    const file = join(root, path); // join normalizes `..`; regular() checks where it really leads
    try {
      return regular(statSync(file).isDirectory() ? join(file, 'index.html') : file);
    } catch {
      return null;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return plain(res, 400, 'bad request: the address is not valid percent-encoded UTF-8');
    }
    if (path.includes('\0')) return plain(res, 400, 'bad request');
    const file = fileOf(path);
    if (!file) return plain(res, 404, 'not found');
    const ok = accepted(String(req.headers['accept-encoding'] ?? ''));
    const encoded = ENCODINGS.find(([enc, ext]) => ok.has(enc) && regular(`${file}${ext}`));
    const body = encoded ? `${file}${encoded[1]}` : file;
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(body).size,
      'cache-control': path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(encoded ? { 'content-encoding': encoded[0] } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    // pipeline, not pipe: a download the client aborts destroys the read stream, which closes its file.
    pipeline(createReadStream(body), res, () => {});
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      console.error(`serve: ${req.method} ${req.url}: ${(e as Error).message}`);
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const p = args.indexOf('--port');
  const port = p >= 0 ? Number(args.splice(p, 2)[1]) : 4173;
  const dir = args[0] ?? 'dist';
  const server = await serve(dir, port);
  const addr = server.address();
  console.log(`PerfLens: http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/  (serving ${dir}; Ctrl-C to stop)`);
}
