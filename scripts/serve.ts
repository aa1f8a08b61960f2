/**
 * A small static file server for the built site (and any folder): 127.0.0.1 only, correct MIME types
 * (application/wasm lets the browser compile while downloading), precompressed `.br` / `.gz` files served
 * when the browser accepts them, hashed assets cached for good.
 * Usage: tsx scripts/serve.ts [DIR=dist] [--port 4173]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

export function serve(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoded = [['br', '.br'], ['gzip', '.gz']].find(([enc, ext]) => accepts.includes(enc) && existsSync(file + ext));
    const body = encoded ? file + encoded[1] : file;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(body).size,
      'cache-control': path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(encoded ? { 'content-encoding': encoded[0] } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(body).pipe(res);
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
